import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { NoticeParams } from '../../shared/notice-kinds.js';

/** One entry of a user's in-app inbox. */
@Entity('notifications')
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  /** What happened (`NoticeKind`), e.g. `partner.invited`, `deadline.reminder`. */
  @Column()
  kind: string;

  /** The text in English or the recipient's language of the time, for API clients and rows without params. */
  @Column()
  title: string;

  @Column({ type: 'text', default: '' })
  body: string;

  /** What the web app writes the title and body from, in the reader's language; null on rows older than params. */
  @Column({ type: 'jsonb', nullable: true })
  params: NoticeParams | null;

  @Column({ name: 'subject_type', type: 'varchar', nullable: true })
  subjectType: string | null;

  @Column({ name: 'subject_id', type: 'uuid', nullable: true })
  subjectId: string | null;

  /** Path in the web app, e.g. `/opportunities/<id>`. */
  @Column({ type: 'varchar', nullable: true })
  url: string | null;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
