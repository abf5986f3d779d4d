import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { STAGES, type Stage } from '../../shared/opportunity.workflow.js';

export { STAGES, type Stage };

export const VISIBILITIES = ['network', 'participants'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** A grant call the network tracks through its pipeline. */
@Entity('opportunities')
export class Opportunity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column()
  title: string;

  @Column({ name: 'funder_id', type: 'uuid', nullable: true })
  funderId: string | null;

  @Column({ name: 'call_reference', type: 'varchar', nullable: true })
  callReference: string | null;

  @Column({ type: 'varchar', nullable: true })
  url: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @Column({ name: 'amount_min', type: 'numeric', precision: 14, scale: 2, nullable: true })
  amountMin: string | null;

  @Column({ name: 'amount_max', type: 'numeric', precision: 14, scale: 2, nullable: true })
  amountMax: string | null;

  @Column({ type: 'char', length: 3, nullable: true })
  currency: string | null;

  /** When the call closes (the funder's date). Reminders hang on deadlines (subject type `opportunity`). */
  @Column({ name: 'closes_at', type: 'timestamptz', nullable: true })
  closesAt: Date | null;

  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId: string | null;

  @Column({ type: 'varchar', default: 'network' })
  visibility: Visibility;

  @Column({ type: 'varchar', default: 'identified' })
  stage: Stage;

  @Column({ name: 'stage_changed_at', type: 'timestamptz' })
  stageChangedAt: Date;

  @Column({ name: 'awarded_amount', type: 'numeric', precision: 14, scale: 2, nullable: true })
  awardedAmount: string | null;

  @Column({ name: 'awarded_currency', type: 'char', length: 3, nullable: true })
  awardedCurrency: string | null;

  /** A Telegram group chat of the consortium, for reminders (set by coordinators). */
  @Column({ name: 'telegram_chat_id', type: 'varchar', nullable: true })
  telegramChatId: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
