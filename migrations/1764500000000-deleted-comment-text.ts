import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A deleted comment's text leaves the activity log. The log stays append-only but for one rewrite: taking
 * the `body` out of a row's `changes`, nothing else. Rows already written for deleted comments lose theirs.
 */
export class DeletedCommentText1764500000000 implements MigrationInterface {
  name = 'DeletedCommentText1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION activity_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF to_jsonb(NEW) - 'changes' = to_jsonb(OLD) - 'changes' AND NEW.changes = OLD.changes - 'body' THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'activity is append-only';
      END $$`);
    await q.query(`
      UPDATE activity a SET changes = a.changes - 'body'
       WHERE a.action LIKE 'comment.%' AND a.changes ? 'body'
         AND NOT EXISTS (SELECT 1 FROM section_comments c WHERE c.id::text = a.changes->>'commentId')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION activity_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'activity is append-only'; END $$`);
  }
}
