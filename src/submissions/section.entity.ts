import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { SECTION_STATUSES, type SectionStatus } from '../../shared/submission.workflow.js';

export { SECTION_STATUSES, type SectionStatus };

/** One part of a submission's text, written by its assignee; `version` guards against lost updates. */
@Entity('submission_sections')
export class Section {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'submission_id', type: 'uuid' })
  submissionId: string;

  @Column({ type: 'integer' })
  position: number;

  @Column()
  title: string;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId: string | null;

  /** Markdown. */
  @Column({ type: 'text', default: '' })
  body: string;

  @Column({ type: 'varchar', default: 'not_started' })
  status: SectionStatus;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'updated_by_id', type: 'uuid', nullable: true })
  updatedById: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** Every save of a section, kept: who saved which text as which version, when. */
@Entity('section_revisions')
export class SectionRevision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'section_id', type: 'uuid' })
  sectionId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column()
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar' })
  status: SectionStatus;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId: string | null;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
