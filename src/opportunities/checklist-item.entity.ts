import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const CHECKLIST_STATUSES = ['todo', 'done', 'waived'] as const;
export type ChecklistStatus = (typeof CHECKLIST_STATUSES)[number];

/** A document or task owed for an application, by one partner or by the consortium. */
@Entity('checklist_items')
export class ChecklistItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'opportunity_id', type: 'uuid' })
  opportunityId: string;

  @Column({ name: 'partner_id', type: 'uuid', nullable: true })
  partnerId: string | null;

  @Column()
  title: string;

  @Column({ default: true })
  required: boolean;

  @Column({ type: 'varchar', default: 'todo' })
  status: ChecklistStatus;

  @Column({ type: 'varchar', nullable: true })
  url: string | null;

  /** Why a coordinator waived it; null unless waived. */
  @Column({ name: 'waive_reason', type: 'text', nullable: true })
  waiveReason: string | null;

  @Column({ name: 'file_id', type: 'uuid', nullable: true })
  fileId: string | null;

  /** Points at a recurring organisation document instead of a new upload. */
  @Column({ name: 'document_id', type: 'uuid', nullable: true })
  documentId: string | null;

  @Column({ type: 'int', default: 0 })
  position: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
