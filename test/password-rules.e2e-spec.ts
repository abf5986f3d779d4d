import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PasswordResetService } from '../src/auth/password-reset.service.js';
import { UsersService } from '../src/users/users.service.js';
import { type Actor, makeUser, signIn, TEST_PASSWORD } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** A password made of the account's own words is refused wherever it is set, as a 400 naming the field. */
describe('passwords made of the account’s own words', () => {
  let t: TestApp;
  let admin: Actor;
  let orgId: string;
  beforeAll(async () => {
    t = await startTestApp({ overrides: { appRole: 'api' } });
    admin = await makeUser(t, { role: 'admin' });
    orgId = (
      await admin.as
        .post('/api/v1/organizations')
        .send({ name: 'Legal Aid of Cambodia', acronym: 'LAC', kind: 'cso' })
        .expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  const refusedAs = (body: { code: string; details: unknown[] }, field: string, code: string) => {
    expect(body.code).toBe('invalid_input');
    expect(body.details).toEqual([expect.objectContaining({ field, code, params: {} })]);
  };

  it('refuses them on a password change (PATCH /me), naming the rule; a passphrase goes through', async () => {
    const { user } = await makeUser(t, {
      name: 'Sokha Chan',
      email: 'sokha.chan@legalaid.example',
      organizationId: orgId,
    });
    const browser = await signIn(t, user.email);
    const change = (newPassword: string) =>
      browser.patch('/api/v1/me').send({ currentPassword: TEST_PASSWORD, newPassword });

    const local = await change('sokha.chan').expect(400);
    refusedAs(local.body, 'newPassword', 'personal_password');
    expect(local.body.message).toMatch(/newPassword contains your own name or e-mail address/);
    refusedAs((await change('SokhaChan2026!').expect(400)).body, 'newPassword', 'personal_password');
    refusedAs((await change('LegalAid2026').expect(400)).body, 'newPassword', 'guessable_password');
    refusedAs((await change('cjntracker1').expect(400)).body, 'newPassword', 'guessable_password');
    refusedAs((await change('Phnompenh1').expect(400)).body, 'newPassword', 'guessable_password');
    refusedAs((await change('abcdefgh').expect(400)).body, 'newPassword', 'sequential_password');

    await change('sokha likes kampot rain').expect(200);
  });

  it('refuses them when an admin sets the password, when an invitation is accepted, and through a reset link', async () => {
    const created = await admin.as
      .post('/api/v1/users')
      .send({
        email: 'dara.kim@example.org',
        name: 'Dara Kim',
        role: 'member',
        organizationId: orgId,
        password: 'DaraKim123',
      })
      .expect(400);
    refusedAs(created.body, 'password', 'personal_password');

    const invited = await admin.as
      .post('/api/v1/users')
      .send({ email: 'vanna.sok@example.org', name: 'Vanna Sok', role: 'member', organizationId: orgId })
      .expect(201);
    const token = new URL(invited.body.invitation.url as string).searchParams.get('token');
    const accept = (password: string) => t.http().post('/api/v1/auth/invitations/accept').send({ token, password });
    refusedAs((await accept('vanna.sok').expect(400)).body, 'password', 'personal_password');
    refusedAs((await accept('LAC12345678').expect(400)).body, 'password', 'guessable_password');
    await accept('a long walk by the mekong').expect(200);

    const set = (password: string) => admin.as.patch(`/api/v1/users/${invited.body.id}`).send({ password });
    refusedAs((await set('VannaSok!!').expect(400)).body, 'password', 'personal_password');
    await set('rain over the tonle sap').expect(200);

    const withHash = await t.app.get(UsersService).findWithPasswordHash(invited.body.id);
    const link = t.app.get(PasswordResetService).link(withHash as typeof withHash & { passwordHash: string });
    const reset = (password: string) =>
      t
        .http()
        .post('/api/v1/auth/password-reset/confirm')
        .send({ token: new URL(link).searchParams.get('token'), password });
    refusedAs((await reset('vanna.sok@example.org').expect(400)).body, 'password', 'personal_password');
    await reset('mango season in kampot').expect(200);
  });
});
