import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Actor, makeOrganization, makeUser } from './support/factories.js';
import { makeSection, makeSubmission } from './support/submission-factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** People search and mentions never confirm an address the writer may not see (/users hides it). */
describe('people search and mentions keep hidden addresses hidden', () => {
  let t: TestApp;
  let coordinator: Actor;
  let member: Actor;
  let colleague: Actor;
  let hidden: Actor;
  let submission: { id: string };
  let section: { id: string };

  beforeAll(async () => {
    t = await startTestApp();
    const lead = await makeOrganization(t);
    coordinator = await makeUser(t, { role: 'coordinator' });
    member = await makeUser(t, { organizationId: lead.id, email: 'sophea@lac.example.org' });
    colleague = await makeUser(t, { organizationId: lead.id, email: 'dara@lac.example.org', name: 'Dara Sok' });
    // A coordinator who reads every submission but shares no record or organisation with the member.
    hidden = await makeUser(t, { role: 'coordinator', email: 'vannak.private@cjn.example.org', name: 'Vannak Heng' });
    submission = await makeSubmission(member, { leadOrganizationId: lead.id });
    section = await makeSection(member, submission.id);
  });
  afterAll(() => t.close());

  const people = (who: Actor, q: string) =>
    who.as.get(`/api/v1/submissions/${submission.id}/people?q=${encodeURIComponent(q)}`).expect(200);
  const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((p) => p.id);

  it('matches an address only where the reader may see it, and a name for anyone who reads the submission', async () => {
    const hiddenByAddress = await member.as.get(`/api/v1/users/${hidden.user.id}`).expect(200);
    expect(hiddenByAddress.body.email).toBeUndefined();
    expect(ids(await people(member, 'vannak.private@cjn.example.org'))).toEqual([]);
    expect(ids(await people(member, 'cjn.example'))).toEqual([]);
    expect(ids(await people(member, '@'))).not.toContain(hidden.user.id);
    expect(ids(await people(member, '@'))).toContain(colleague.user.id);
    expect(ids(await people(member, 'Vannak'))).toContain(hidden.user.id);
    expect(ids(await people(member, 'dara@lac'))).toEqual([colleague.user.id]);
    expect(ids(await people(coordinator, 'vannak.private@cjn.example.org'))).toEqual([hidden.user.id]);
  });

  it('resolves @address text only for people whose address the writer may see; by id, any reader', async () => {
    const comments = `/api/v1/submissions/${submission.id}/sections/${section.id}/comments`;
    const byText = await member.as
      .post(comments)
      .send({ body: '@vannak.private@cjn.example.org and @dara@lac.example.org please look' })
      .expect(201);
    expect(byText.body.mentions.map((p: { id: string }) => p.id)).toEqual([colleague.user.id]);
    const byId = await member.as
      .post(comments)
      .send({ body: 'Vannak, your view?', mentionedUserIds: [hidden.user.id] })
      .expect(201);
    expect(byId.body.mentions.map((p: { id: string }) => p.id)).toEqual([hidden.user.id]);
  });

  it('takes at most 20 mentions in one comment', async () => {
    const comments = `/api/v1/submissions/${submission.id}/sections/${section.id}/comments`;
    const many = Array.from({ length: 21 }, () => crypto.randomUUID());
    const refused = await member.as.post(comments).send({ body: 'Everyone', mentionedUserIds: many }).expect(400);
    expect(refused.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'mentionedUserIds', code: 'too_many_items' })]),
    );
    // 25 colleagues whose addresses the member sees (written directly: no password to hash).
    const emails = Array.from({ length: 25 }, (_, i) => `staff${i}@lac.example.org`);
    await t.db.query(
      `INSERT INTO users (email, name, role, organization_id, notification_preferences)
       SELECT e, 'Staff ' || e, 'member', $2, '{"channels":["inApp"],"quietHours":null,"digest":"off"}'::jsonb
         FROM unnest($1::text[]) AS e`,
      [emails, member.user.organizationId],
    );
    const body = emails.map((email) => `@${email}`).join(' ');
    const saved = await member.as.post(comments).send({ body }).expect(201);
    expect(saved.body.mentions).toHaveLength(20);
  });
});
