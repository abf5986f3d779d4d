import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A later change to the record, recorded in the activity log, that may have changed what `params` would say. */
const changedSince = (subjectType: string, subjectId: string, actions: string, extra = '') => `NOT EXISTS (
  SELECT 1 FROM activity a
   WHERE a.subject_type = '${subjectType}' AND a.subject_id = ${subjectId}
     AND a.action IN (${actions}) AND a.created_at > n.created_at ${extra})`;

/**
 * In-app notices keep their kind's parameters in `params`, so each reader's language writes them when read.
 * Older rows get theirs from the records they link to, only where the row still says what those records
 * say (titles and names found in its text, no later move or change in the activity log); any other row
 * keeps `params` null and shows its stored title and body.
 */
export class NoticeParams1764400000000 implements MigrationInterface {
  name = 'NoticeParams1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications ADD COLUMN params jsonb`);

    // A reminder: the deadline as it was (no move since), its offset from the delivery that wrote the notice,
    // and its record's title as the body's first line gave it ("<label>: <title>").
    await q.query(`
      WITH found AS (
        SELECT n.id, jsonb_strip_nulls(jsonb_build_object(
                 'deadlineId', d.id, 'deadline', d.title, 'deadlineKind', d.kind,
                 'dueAt', to_char(d.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                 'timeZone', d.time_zone, 'subjectType', d.subject_type,
                 'subject', regexp_replace(split_part(n.body, E'\\n', 1), '^[^:]*: ', ''),
                 'offset', CASE WHEN n.kind = 'deadline.reminder' THEN r."offset" END))
               || jsonb_build_object('dueDate', d.due_date::text) AS params
          FROM notifications n
          JOIN deadlines d ON d.id = n.subject_id
          LEFT JOIN LATERAL (
            SELECT r."offset" FROM deliveries dl JOIN reminders r ON r.id = dl.reminder_id
             WHERE dl.channel = 'inApp' AND dl.provider_message_id = n.id::text LIMIT 1) r ON true
         WHERE n.kind IN ('deadline.reminder', 'deadline.overdue') AND n.subject_type = 'deadline'
           AND position(d.title IN n.title) > 0
           AND (n.kind = 'deadline.overdue' OR r."offset" IS NOT NULL)
           AND ${changedSince('deadline', 'd.id', `'deadline.moved', 'deadline.updated', 'deadline.reopened'`)})
      UPDATE notifications n SET params = found.params FROM found WHERE n.id = found.id`);

    // A mention: the comment named in the link, its author and section, both named in the title.
    await q.query(`
      UPDATE notifications n SET params = jsonb_build_object(
               'actorId', u.id, 'actor', u.name, 'submissionId', s.submission_id,
               'sectionId', s.id, 'section', s.title, 'commentId', c.id)
        FROM section_comments c
        JOIN submission_sections s ON s.id = c.section_id
        JOIN users u ON u.id = c.author_id
       WHERE n.kind = 'mention' AND n.url ~ '#comment-[0-9a-f-]{36}$'
         AND c.id = substring(n.url FROM '#comment-([0-9a-f-]{36})$')::uuid
         AND position(s.title IN n.title) > 0 AND position(u.name IN n.title) > 0`);

    // An invitation: the partner, its organisation and call named in the title, its role unchanged since.
    await q.query(`
      UPDATE notifications n SET params = jsonb_build_object(
               'partnerId', p.id, 'organizationId', o.id, 'organization', coalesce(o.acronym, o.name),
               'opportunityId', op.id, 'opportunity', op.title, 'role', p.role)
        FROM opportunity_partners p
        JOIN organizations o ON o.id = p.organization_id
        JOIN opportunities op ON op.id = p.opportunity_id
       WHERE n.kind = 'partner.invited' AND n.subject_type = 'partner' AND p.id = n.subject_id
         AND position(coalesce(o.acronym, o.name) IN n.title) > 0 AND position(op.title IN n.title) > 0
         AND ${changedSince('partner', 'p.id', `'partner.updated'`, `AND a.changes ? 'role'`)}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP COLUMN params`);
  }
}
