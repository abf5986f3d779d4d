import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { DeadlineStatus } from './deadline-status.js';
import type { DeadlineKind } from './reminder-times.js';

/** Record types a deadline can belong to (DESIGN "Deadline"). */
export const DEADLINE_SUBJECT_TYPES = [
  'opportunity',
  'partner',
  'checklistItem',
  'submission',
  'section',
  'review',
] as const;
export type DeadlineSubjectType = (typeof DEADLINE_SUBJECT_TYPES)[number];

/** `templateId` of an opportunity's closing-date deadline: its due time follows the opportunity's `closesAt`. */
export const CLOSING_DATE_TEMPLATE = 'opportunity.closesAt';

/** `templateId` of a review date's deadline (`review.date:<date id>`): its due day follows the review's date. */
export const REVIEW_DATE_TEMPLATE_PREFIX = 'review.date:';

@Entity('deadlines')
export class Deadline {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'subject_type', type: 'varchar' })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @Column()
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar' })
  kind: DeadlineKind;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  /** Set for a date-only deadline (due at the end of that day in `timeZone`). */
  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate: string | null;

  @Column({ name: 'time_zone' })
  timeZone: string;

  @Column({ type: 'varchar', default: 'open' })
  status: DeadlineStatus;

  @Column({ name: 'reminder_offsets', type: 'text', array: true, default: () => "'{}'" })
  reminderOffsets: string[];

  @Column({ name: 'overdue_reminder', default: false })
  overdueReminder: boolean;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @Column({ name: 'template_id', type: 'varchar', nullable: true })
  templateId: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ name: 'completed_by', type: 'uuid', nullable: true })
  completedBy: string | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('deadline_assignees')
export class DeadlineAssignee {
  @PrimaryColumn({ name: 'deadline_id', type: 'uuid' })
  deadlineId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;
}
