import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import {
  SUBMISSION_KINDS,
  SUBMISSION_STATUSES,
  type SubmissionKind,
  type SubmissionStatus,
} from '../../shared/submission.workflow.js';

export const CONFIDENTIALITY = ['publish', 'confidential'] as const;
export type Confidentiality = (typeof CONFIDENTIALITY)[number];

export const SUBMISSION_CHANNELS = ['upload_link', 'email', 'portal'] as const;
export type SubmissionChannel = (typeof SUBMISSION_CHANNELS)[number];

export const VISIBILITIES = ['network', 'participants'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export { SUBMISSION_KINDS, SUBMISSION_STATUSES, type SubmissionKind, type SubmissionStatus };

/** A joint policy submission: a comment on a draft General Comment, an alternative report, a consultation response. */
@Entity('submissions')
export class Submission {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column()
  title: string;

  /** e.g. "UN Committee on the Rights of the Child", "OECD", a special rapporteur. */
  @Column({ name: 'target_body' })
  targetBody: string;

  @Column({ type: 'varchar' })
  kind: SubmissionKind;

  @Column({ name: 'call_url', type: 'varchar', nullable: true })
  callUrl: string | null;

  @Column({ default: 'en' })
  language: string;

  @Column({ name: 'word_limit', type: 'integer', nullable: true })
  wordLimit: number | null;

  @Column({ name: 'page_limit', type: 'integer', nullable: true })
  pageLimit: number | null;

  /** Session or reporting-cycle reference, e.g. "CRC 93rd pre-session" or "Combined 4th-6th reports". */
  @Column({ name: 'session_reference', type: 'varchar', nullable: true })
  sessionReference: string | null;

  @Column({ type: 'varchar', default: 'publish' })
  confidentiality: Confidentiality;

  @Column({ type: 'varchar', nullable: true })
  channel: SubmissionChannel | null;

  /** The upload link, e-mail address or portal URL the text goes to. */
  @Column({ name: 'channel_address', type: 'varchar', nullable: true })
  channelAddress: string | null;

  @Column({ name: 'lead_organization_id', type: 'uuid' })
  leadOrganizationId: string;

  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId: string | null;

  @Column({ type: 'varchar', default: 'participants' })
  visibility: Visibility;

  @Column({ type: 'varchar', default: 'planned' })
  status: SubmissionStatus;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'acknowledged_at', type: 'date', nullable: true })
  acknowledgedAt: string | null;

  @Column({ name: 'acknowledgement_note', type: 'text', nullable: true })
  acknowledgementNote: string | null;

  /** Link to the proof of receipt (an e-mail, a portal receipt, an uploaded file). */
  @Column({ name: 'acknowledgement_url', type: 'varchar', nullable: true })
  acknowledgementUrl: string | null;

  @Column({ name: 'published_url', type: 'varchar', nullable: true })
  publishedUrl: string | null;

  /** A Telegram group chat for reminders about this submission. */
  @Column({ name: 'telegram_chat_id', type: 'varchar', nullable: true })
  telegramChatId: string | null;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A co-drafting partner organisation; `requiredSigner` ones must endorse before submission. */
@Entity('submission_partners')
export class SubmissionPartner {
  @PrimaryColumn({ name: 'submission_id', type: 'uuid' })
  submissionId: string;

  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'required_signer', default: false })
  requiredSigner: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
