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

  @Column()
  summary: string;

  /** Field-level changes: `{ field: [before, after] }`, or details of the action. */
  @Column({ type: 'jsonb', nullable: true })
  changes: Record<string, unknown> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
