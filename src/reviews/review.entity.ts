import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const MECHANISMS = ['crc', 'upr', 'cedaw', 'crpd', 'cat', 'ccpr', 'cescr', 'other'] as const;
export type Mechanism = (typeof MECHANISMS)[number];

export const REVIEW_DATE_KINDS = [
  'follow_up_report',
  'state_report',
  'list_of_issues',
  'pre_session',
  'session',
  'other',
] as const;
export type ReviewDateKind = (typeof REVIEW_DATE_KINDS)[number];

export const REVIEW_VISIBILITIES = ['network', 'participants'] as const;
export type ReviewVisibility = (typeof REVIEW_VISIBILITIES)[number];

/** One mechanism's review of a State (the CRC's Concluding Observations, a UPR cycle …). */
@Entity('reviews')
export class Review {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar' })
  mechanism: Mechanism;

  @Column({ name: 'mechanism_name', type: 'varchar', nullable: true })
  mechanismName: string | null;

  @Column()
  name: string;

  @Column({ type: 'varchar', nullable: true })
  symbol: string | null;

  @Column({ name: 'adopted_on', type: 'date', nullable: true })
  adoptedOn: string | null;

  @Column({ name: 'source_language', type: 'varchar', default: 'en' })
  sourceLanguage: string;

  @Column({ type: 'varchar', default: 'network' })
  visibility: ReviewVisibility;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A date of the review's next cycle; each becomes a deadline (`templateId` `review.date:<id>`). */
@Entity('review_dates')
export class ReviewDate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'review_id', type: 'uuid' })
  reviewId: string;

  @Column({ type: 'varchar' })
  kind: ReviewDateKind;

  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'varchar', nullable: true })
  label: string | null;

  @Column({ type: 'int', default: 0 })
  position: number;
}
