import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface MentionMessage {
  title: string;
  body: string;
  subjectType: string;
  subjectId: string;
  /** Path of the record in the web app, e.g. `/submissions/<id>/sections/<id>`. */
  path: string;
}

/**
 * Writes in-app notifications for @mentions into the shared `notifications` inbox,
 * in the caller's transaction. Kept to this one small seam so the notifications
 * module can take it over.
 */
@Injectable()
export class MentionNotifier {
  async notify(manager: EntityManager, userIds: string[], message: MentionMessage): Promise<void> {
    const recipients = [...new Set(userIds)];
    if (recipients.length === 0) return;
    await manager.query(
      `INSERT INTO notifications (user_id, kind, title, body, subject_type, subject_id, path)
       SELECT u, 'mention', $2, $3, $4, $5, $6 FROM unnest($1::uuid[]) AS u`,
      [recipients, message.title, message.body, message.subjectType, message.subjectId, message.path],
    );
  }
}
