import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AssembledDocument } from './assembly.js';

export const SNAPSHOT_KINDS = ['named', 'final'] as const;
export type SnapshotKind = (typeof SNAPSHOT_KINDS)[number];

/** The assembled text at a moment: a named review round, or the final text frozen on submission. */
@Entity('submission_snapshots')
export class SubmissionSnapshot {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'submission_id', type: 'uuid' })
  submissionId: string;

  @Column()
  name: string;

  @Column({ type: 'varchar' })
  kind: SnapshotKind;

  @Column({ type: 'jsonb' })
  content: AssembledDocument;

  @Column({ type: 'text' })
  markdown: string;

  @Column({ name: 'word_count', type: 'integer' })
  wordCount: number;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
