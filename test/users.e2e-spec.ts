import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { makeOrganization, makeUser, TEST_PASSWORD, type Actor } from './support/factories.js';
import { addPartner, makeOpportunity } from './support/opportunity-factories.js';
import { makeSubmission } from './support/submission-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('organisations, users and roles', () => {
  let t: TestApp;
  let admin: Actor;
  let member: Actor;
  let coordinator: Actor;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await makeUser(t, { role: 'admin' });
    coordinator = await makeUser(t, { role: 'coordinator' });
    member = await makeUser(t, { role: 'member' });
  });
  afterAll(() => t.close());

  it('lets an admin create an organisation and a user with a password, who can then sign in', async () => {
    const org = await admin.as
      .post('/api/v1/organizations')
      .send({ name: 'Legal Aid of Cambodia', acronym: 'LAC', kind: 'cso', country: 'KH', isMember: true })
      .expect(201);
    expect(org.body).toMatchObject({ name: 'Legal Aid of Cambodia', kind: 'cso', country: 'KH' });
    const user = await admin.as
      .post('/api/v1/users')
      .send({
        email: 'vanna@lac.example',
        name: 'Vanna Keo',
        role: 'member',
        organizationId: org.body.id,
        password: 'a long enough password',
      })
      .expect(201);
    expect(user.body).toMatchObject({
      role: 'member',
      organizationId: org.body.id,
      status: 'active',
      timeZone: 'Asia/Phnom_Penh',
    });
    await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'VANNA@lac.example', password: 'a long enough password' })
      .expect(200);
  });

  it('rejects a second user with the same e-mail in another case (409)', async () => {
    const res = await admin.as
      .post('/api/v1/users')
      .send({ email: member.user.email.toUpperCase(), name: 'Copy', role: 'viewer', password: TEST_PASSWORD })
      .expect(409);
    expect(res.body.message).toMatch(/already exists/);
  });

  it('forbids members to create users or raise their own role', async () => {
    await member.as
      .post('/api/v1/users')
      .send({ email: 'x@example.org', name: 'X', role: 'admin', password: TEST_PASSWORD })
      .expect(403);
    await member.as.patch(`/api/v1/users/${member.user.id}`).send({ role: 'admin' }).expect(403);
    const viaMe = await member.as.patch('/api/v1/me').send({ role: 'admin' }).expect(400);
    expect(viaMe.body.message).toMatch(/property role should not exist/);
    const me = await member.as.get('/api/v1/me').expect(200);
    expect(me.body.role).toBe('member');
  });

  it('lets coordinators add organisations but not users; members neither', async () => {
    await coordinator.as.post('/api/v1/organizations').send({ name: 'European Union', kind: 'funder' }).expect(201);
    await coordinator.as
      .post('/api/v1/users')
      .send({ email: 'y@example.org', name: 'Y', role: 'member', password: TEST_PASSWORD })
      .expect(403);
    await member.as.post('/api/v1/organizations').send({ name: 'Some Org', kind: 'cso' }).expect(403);
  });

  it('applies a role change at once, ending the sessions of the changed user', async () => {
    const target = await makeUser(t, { role: 'coordinator' });
    const session = await (await import('./support/factories.js')).signIn(t, target.user.email);
    await session.get('/api/v1/activity').expect(200);
    await admin.as.patch(`/api/v1/users/${target.user.id}`).send({ role: 'member' }).expect(200);
    await session.get('/api/v1/me').expect(401);
    await target.as.get('/api/v1/activity').expect(403);
  });

  it('disables a user: no more sign-in, tokens stop working', async () => {
    const target = await makeUser(t);
    await admin.as.delete(`/api/v1/users/${target.user.id}`).expect(204);
    await target.as.get('/api/v1/me').expect(401);
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: target.user.email, password: TEST_PASSWORD })
      .expect(401);
    expect(res.body.message).toBe('This account is disabled');
  });

  it('invites a user without a password: the link lets them choose one and sign in', async () => {
    const res = await admin.as
      .post('/api/v1/users')
      .send({ email: 'invitee@example.org', name: 'Invitee', role: 'viewer' })
      .expect(201);
    expect(res.body.status).toBe('invited');
    expect(res.body.invitation.delivery).toBe('link');
    const token = new URL(res.body.invitation.url).searchParams.get('token');
    await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'invitee@example.org', password: 'whatever-password' })
      .expect(401);
    await t.http().post('/api/v1/auth/invitations/accept').send({ token, password: 'my chosen password' }).expect(200);
    await t.http().post('/api/v1/auth/invitations/accept').send({ token, password: 'my chosen password' }).expect(400);
    await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'invitee@example.org', password: 'my chosen password' })
      .expect(200);
  });

  it('validates user fields and names each problem', async () => {
    const res = await admin.as
      .post('/api/v1/users')
      .send({
        email: 'not-an-email',
        name: '',
        role: 'boss',
        timeZone: 'Mars/Olympus',
        notificationPreferences: {
          channels: ['pigeon'],
          quietHours: { start: '25:00', end: '07:00' },
          digest: 'hourly',
        },
      })
      .expect(400);
    const fields = res.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'email',
        'name',
        'role',
        'timeZone',
        'notificationPreferences.channels',
        'notificationPreferences.quietHours.start',
        'notificationPreferences.digest',
      ]),
    );
  });

  it('stores notification preferences and time zone a user sets for themselves', async () => {
    const prefs = {
      channels: ['email', 'telegram', 'inApp'],
      quietHours: { start: '21:00', end: '07:00' },
      digest: 'weekly',
    };
    const res = await member.as
      .patch('/api/v1/me')
      .send({ timeZone: 'Europe/Geneva', notificationPreferences: prefs })
      .expect(200);
    expect(res.body).toMatchObject({ timeZone: 'Europe/Zurich', notificationPreferences: prefs });
    const again = await member.as.get('/api/v1/me').expect(200);
    expect(again.body.notificationPreferences).toEqual(prefs);
  });

  /** A PATCH may leave a field out to keep it, but null for a field that cannot be empty is a 400 naming it. */
  function expectNullRefused(res: { status: number; body: Record<string, unknown> }, field: string) {
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      details: [{ field, problems: ['must not be null'] }],
    });
    expect(res.body.message).toBe(`Invalid input: ${field}: must not be null`);
  }

  it('refuses null for a required field of PATCH /me, a user and an organisation (400 naming the field), and changes nothing', async () => {
    for (const field of ['name', 'timeZone', 'language', 'notificationPreferences']) {
      expectNullRefused(await member.as.patch('/api/v1/me').send({ [field]: null }), field);
    }
    for (const field of ['email', 'name', 'role', 'timeZone', 'language', 'notificationPreferences', 'status']) {
      expectNullRefused(await admin.as.patch(`/api/v1/users/${member.user.id}`).send({ [field]: null }), field);
    }
    const org = await makeOrganization(t, { name: 'Null check' });
    for (const field of ['name', 'kind', 'isMember', 'contacts']) {
      expectNullRefused(await admin.as.patch(`/api/v1/organizations/${org.id}`).send({ [field]: null }), field);
    }
    expect((await member.as.get('/api/v1/me').expect(200)).body.name).toBe(member.user.name);
    expect((await admin.as.get(`/api/v1/organizations/${org.id}`).expect(200)).body).toMatchObject({
      name: 'Null check',
      kind: 'cso',
    });
    // Nullable fields are still cleared with null.
    await admin.as.patch(`/api/v1/organizations/${org.id}`).send({ website: 'https://null.example.org' }).expect(200);
    expect(
      (await admin.as.patch(`/api/v1/organizations/${org.id}`).send({ website: null }).expect(200)).body.website,
    ).toBeNull();
  });

  it('records every mutation in the activity log, readable by coordinators only', async () => {
    const org = await makeOrganization(t);
    await coordinator.as
      .patch(`/api/v1/organizations/${org.id}`)
      .send({ website: 'https://cjn.example.org' })
      .expect(200);
    const res = await coordinator.as.get(`/api/v1/activity?subjectType=organization&subjectId=${org.id}`).expect(200);
    expect(res.body.items.map((a: { action: string }) => a.action)).toEqual([
      'organization.updated',
      'organization.created',
    ]);
    expect(res.body.items[0]).toMatchObject({
      actorId: coordinator.user.id,
      changes: { website: [null, 'https://cjn.example.org'] },
    });
    await member.as.get('/api/v1/activity').expect(403);
  });

  it('paginates lists with limit, offset and cursor', async () => {
    for (let i = 0; i < 3; i++) await makeOrganization(t, { name: `Paged Org ${i}` });
    const first = await member.as.get('/api/v1/organizations?q=Paged%20Org&limit=2').expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.total).toBe(3);
    const second = await member.as
      .get(`/api/v1/organizations?q=Paged%20Org&limit=2&cursor=${first.body.nextCursor}`)
      .expect(200);
    expect(second.body.items.map((o: { name: string }) => o.name)).toEqual(['Paged Org 2']);
    expect(second.body.nextCursor).toBeNull();
    await member.as.get('/api/v1/organizations?limit=101').expect(400);
    await member.as.get('/api/v1/organizations?cursor=%%%').expect(400);
  });
});

describe("other people's e-mail addresses and last sign-in: only where they share an organisation or a record", () => {
  let t: TestApp;
  let coordinator: Actor;
  let leadMember: Actor;
  let leadViewer: Actor;
  let partnerMember: Actor;
  let consortiumMember: Actor;
  let declinedViewer: Actor;
  let stranger: Actor;

  beforeAll(async () => {
    t = await startTestApp();
    const [lead, partner, consortium, declined, elsewhere] = await Promise.all(
      [
        'Child Rights Coalition Cambodia',
        'Legal Aid of Cambodia',
        'This Life Cambodia',
        'UNICEF Cambodia',
        'Outside NGO',
      ].map((name) => makeOrganization(t, { name })),
    );
    coordinator = await makeUser(t, { role: 'coordinator' });
    leadMember = await makeUser(t, { organizationId: lead.id, name: 'Yan Lay' });
    leadViewer = await makeUser(t, { organizationId: lead.id, role: 'viewer', name: 'Vanna Chea' });
    partnerMember = await makeUser(t, { organizationId: partner.id, name: 'Dara Sok' });
    consortiumMember = await makeUser(t, { organizationId: consortium.id, name: 'Srey Mom' });
    declinedViewer = await makeUser(t, { organizationId: declined.id, role: 'viewer', name: 'Sokha Pich' });
    stranger = await makeUser(t, { organizationId: elsewhere.id, name: 'Bopha Noun' });
    await makeSubmission(coordinator, {
      leadOrganizationId: lead.id,
      partnerOrganizationIds: [partner.id],
      visibility: 'network',
    });
    const opp = await makeOpportunity(coordinator, { visibility: 'network' });
    await addPartner(coordinator, opp.id, { organizationId: lead.id, role: 'lead', status: 'confirmed' });
    await addPartner(coordinator, opp.id, { organizationId: consortium.id, role: 'co_applicant', status: 'invited' });
    await addPartner(coordinator, opp.id, { organizationId: declined.id, role: 'associate', status: 'declined' });
    // Everyone has signed in once, so there is a last sign-in to hide.
    await t.db.query(`UPDATE users SET last_login_at = now()`);
  });
  afterAll(() => t.close());

  async function contactOf(viewer: Actor, person: Actor) {
    const res = await viewer.as.get(`/api/v1/users/${person.user.id}`).expect(200);
    expect(res.body.name).toBe(person.user.name);
    return res.body.email === undefined && res.body.lastLoginAt === undefined
      ? 'hidden'
      : res.body.email && res.body.lastLoginAt
        ? 'shown'
        : 'partial';
  }

  it('shows them to people of the same organisation (viewers included) and of a shared submission or opportunity', async () => {
    expect(await contactOf(leadViewer, leadMember)).toBe('shown');
    expect(await contactOf(leadViewer, partnerMember)).toBe('shown'); // both on the submission
    expect(await contactOf(partnerMember, leadViewer)).toBe('shown');
    expect(await contactOf(consortiumMember, leadMember)).toBe('shown'); // both in the consortium
    expect(await contactOf(stranger, stranger)).toBe('shown');
  });

  it('hides them elsewhere, viewers included, and from a partner that declined; names still show', async () => {
    expect(await contactOf(stranger, leadMember)).toBe('hidden');
    expect(await contactOf(partnerMember, consortiumMember)).toBe('hidden'); // different records
    expect(await contactOf(declinedViewer, leadMember)).toBe('hidden');
    expect(await contactOf(consortiumMember, declinedViewer)).toBe('hidden');
    const list = await stranger.as.get('/api/v1/users?limit=100').expect(200);
    const rows: { id: string; name: string; email?: string; lastLoginAt?: string }[] = list.body.items;
    expect(rows.find((r) => r.id === leadMember.user.id)).toMatchObject({ name: 'Yan Lay' });
    expect(rows.filter((r) => r.email !== undefined || r.lastLoginAt !== undefined).map((r) => r.id)).toEqual([
      stranger.user.id,
    ]);
  });

  it('does not let a search by e-mail find someone whose address is hidden', async () => {
    const byEmail = await stranger.as.get(`/api/v1/users?q=${encodeURIComponent(leadMember.user.email)}`).expect(200);
    expect(byEmail.body.items).toEqual([]);
    const byName = await stranger.as.get('/api/v1/users?q=Yan%20Lay').expect(200);
    expect(byName.body.items.map((u: { id: string }) => u.id)).toEqual([leadMember.user.id]);
    const shared = await partnerMember.as
      .get(`/api/v1/users?q=${encodeURIComponent(leadMember.user.email)}`)
      .expect(200);
    expect(shared.body.items).toEqual([
      expect.objectContaining({ id: leadMember.user.id, email: leadMember.user.email }),
    ]);
  });

  it('coordinators and admins see everyone’s', async () => {
    expect(await contactOf(coordinator, stranger)).toBe('shown');
    expect(await contactOf(coordinator, declinedViewer)).toBe('shown');
  });
});
