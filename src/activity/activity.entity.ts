import type { ActivityParams } from '../../shared/activity-actions.js';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: who did what to which record, when. Never updated or deleted by the app. */
@Entity('activity')
export class Activity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  /** `<subject>.<verb>`, e.g. `user.created`, `opportunity.transitioned`. */
  @Column()
  action: string;

  @Column({ name: 'subject_type' })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  /** The English sentence, for API clients and logs; the web app writes its own from `action` and `params`. */
  @Column()
  summary: string;

  /** Field-level changes: `{ field: [before, after] }`, or details of the action. */
  @Column({ type: 'jsonb', nullable: true })
  changes: Record<string, unknown> | null;

  /** What the sentence needs (`ActivityParams`); null on rows older than params whose summary could not be read. */
  @Column({ type: 'jsonb', nullable: true })
  params: ActivityParams | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
