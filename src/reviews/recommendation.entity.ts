import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const UPR_RESPONSES = ['supported', 'noted'] as const;
export type UprResponse = (typeof UPR_RESPONSES)[number];

export const ASSESSMENT_STATUSES = [
  'no_information',
  'not_started',
  'in_progress',
  'partially_implemented',
  'implemented',
  'regressed',
] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export interface SubmissionLink {
  submissionId: string;
  sectionId: string | null;
}

export interface Evidence {
  url?: string;
  fileId?: string;
  reference?: string;
  label?: string;
}

/** One paragraph or sub-item of a review, as the document numbers it (`48`, `48(a)`). */
@Entity('recommendations')
export class Recommendation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'review_id', type: 'uuid' })
  reviewId: string;

  @Column({ type: 'varchar' })
  paragraph: string;

  @Column({ name: 'parent_paragraph', type: 'varchar', nullable: true })
  parentParagraph: string | null;

  @Column({ type: 'int', default: 0 })
  position: number;

  @Column({ type: 'varchar', nullable: true })
  cluster: string | null;

  @Column({ type: 'varchar', nullable: true })
  subheading: string | null;

  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'text_km', type: 'text', nullable: true })
  textKm: string | null;

  @Column({ type: 'boolean', default: false })
  urgent: boolean;

  @Column({ name: 'recommending_state', type: 'varchar', nullable: true })
  recommendingState: string | null;

  @Column({ type: 'varchar', nullable: true })
  response: UprResponse | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @Column({ name: 'in_scope', type: 'boolean', default: true })
  inScope: boolean;

  @Column({ name: 'responsible_organization_ids', type: 'uuid', array: true, default: () => "'{}'" })
  responsibleOrganizationIds: string[];

  @Column({ name: 'following_organization_ids', type: 'uuid', array: true, default: () => "'{}'" })
  followingOrganizationIds: string[];

  @Column({ name: 'submission_links', type: 'jsonb', default: () => "'[]'" })
  submissionLinks: SubmissionLink[];

  @Column({ name: 'opportunity_ids', type: 'uuid', array: true, default: () => "'{}'" })
  opportunityIds: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** An assessment of a recommendation's implementation; never changed once written. */
@Entity('recommendation_assessments')
export class Assessment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'recommendation_id', type: 'uuid' })
  recommendationId: string;

  @Column({ type: 'varchar' })
  status: AssessmentStatus;

  @Column({ type: 'text', default: '' })
  summary: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  evidence: Evidence[];

  @Column({ name: 'assessed_on', type: 'date' })
  assessedOn: string;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ name: 'assessed_by', type: 'uuid', nullable: true })
  assessedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
