import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reminder re-armed by a moved deadline fires again under a new version: the ledger's once-only key becomes
 * (reminder, version, recipient, channel), so each version is sent at most once per recipient and channel.
 */
export class DeliveriesPerReminderVersion1764100000000 implements MigrationInterface {
  name = 'DeliveriesPerReminderVersion1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE deliveries ADD COLUMN reminder_version int`);
    // Until now a reminder's version never changed after it fired, so its current version is the one sent.
    await q.query(`UPDATE deliveries d SET reminder_version = r.version FROM reminders r WHERE r.id = d.reminder_id`);
    await q.query(`UPDATE deliveries SET reminder_version = 1 WHERE reminder_version IS NULL`);
    await q.query(`ALTER TABLE deliveries ALTER COLUMN reminder_version SET NOT NULL`);
    await q.query(`ALTER TABLE deliveries DROP CONSTRAINT deliveries_once_key`);
    await q.query(
      `ALTER TABLE deliveries ADD CONSTRAINT deliveries_once_key UNIQUE (reminder_id, reminder_version, recipient, channel)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // Keep the latest version's row of each (reminder, recipient, channel), as the old key allows one.
    await q.query(`
      DELETE FROM deliveries d USING deliveries newer
       WHERE newer.reminder_id = d.reminder_id AND newer.recipient = d.recipient AND newer.channel = d.channel
         AND newer.reminder_version > d.reminder_version`);
    await q.query(`ALTER TABLE deliveries DROP CONSTRAINT deliveries_once_key`);
    await q.query(`ALTER TABLE deliveries ADD CONSTRAINT deliveries_once_key UNIQUE (reminder_id, recipient, channel)`);
    await q.query(`ALTER TABLE deliveries DROP COLUMN reminder_version`);
  }
}
