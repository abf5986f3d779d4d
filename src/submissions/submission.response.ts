import { ApiProperty } from '@nestjs/swagger';
import { OrganizationRefResponse } from '../organizations/organization.response.js';
import {
  CONFIDENTIALITY,
  type Confidentiality,
  SUBMISSION_CHANNELS,
  SUBMISSION_KINDS,
  type SubmissionChannel,
  type SubmissionKind,
  VISIBILITIES,
  type Visibility,
} from './submission.entity.js';
import { SUBMISSION_STATUSES, type SubmissionStatus } from '../../shared/submission.workflow.js';

export class SubmissionPartnerResponse {
  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  name: string;

  acronym: string | null;

  /** Must endorse before the submission can be submitted */
  requiredSigner: boolean;

  endorsed: boolean;
}

export class SignOffResponse {
  requiredSigners: number;

  endorsed: number;

  /** Names of the required signers that have not endorsed yet */
  missing: string[];
}

export class SectionWordCountResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  title: string;

  words: number;
}

export class WordCountResponse {
  total: number;

  wordLimit: number | null;

  pageLimit: number | null;

  pageEstimate: number;

  overWordLimit: boolean;

  overPageLimit: boolean;

  /** A visible warning when a limit is exceeded; never a block */
  warning: string | null;

  @ApiProperty({ type: () => [SectionWordCountResponse] })
  sections: SectionWordCountResponse[];
}

/** A joint policy submission, as listed. */
export class SubmissionResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  title: string;

  /** e.g. "UN Committee on the Rights of the Child", "OECD", a special rapporteur */
  targetBody: string;

  @ApiProperty({ enum: SUBMISSION_KINDS, enumName: 'SubmissionKind' })
  kind: SubmissionKind;

  callUrl: string | null;

  language: string;

  wordLimit: number | null;

  pageLimit: number | null;

  sessionReference: string | null;

  @ApiProperty({ enum: CONFIDENTIALITY, enumName: 'Confidentiality' })
  confidentiality: Confidentiality;

  @ApiProperty({ enum: SUBMISSION_CHANNELS, enumName: 'SubmissionChannel', nullable: true })
  channel: SubmissionChannel | null;

  /** The upload link, e-mail address or portal URL the text goes to */
  channelAddress: string | null;

  @ApiProperty({ format: 'uuid' })
  leadOrganizationId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  ownerId: string | null;

  @ApiProperty({ enum: VISIBILITIES, enumName: 'Visibility' })
  visibility: Visibility;

  @ApiProperty({ enum: SUBMISSION_STATUSES, enumName: 'SubmissionStatus' })
  status: SubmissionStatus;

  submittedAt: Date | null;

  /** The day receipt was acknowledged (YYYY-MM-DD) */
  @ApiProperty({ type: String, format: 'date', nullable: true })
  acknowledgedAt: string | null;

  acknowledgementNote: string | null;

  acknowledgementUrl: string | null;

  publishedUrl: string | null;

  telegramChatId: string | null;

  archivedAt: Date | null;

  createdAt: Date;

  updatedAt: Date;

  @ApiProperty({ type: () => OrganizationRefResponse, nullable: true })
  leadOrganization: OrganizationRefResponse | null;

  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  partnerOrganizationIds: string[];

  @ApiProperty({ type: () => [SubmissionPartnerResponse] })
  partners: SubmissionPartnerResponse[];

  @ApiProperty({ type: () => SignOffResponse })
  signOff: SignOffResponse;

  @ApiProperty({ type: () => NextDeadlineResponse, nullable: true })
  nextDeadline: NextDeadlineResponse | null;
}

/** What the reader may do to the submission now (`submission-actions.ts`), so a client offers only that. */
export class SubmissionActionsResponse {
  /** Change its title and details, partners, and add or assign sections (once submitted, only what stays open) */
  edit: boolean;

  /** The statuses it may move to now (a move may still be blocked by its conditions) */
  @ApiProperty({ enum: SUBMISSION_STATUSES, enumName: 'SubmissionStatus', isArray: true })
  move: SubmissionStatus[];

  /** Move past unmet conditions, with a reason */
  override: boolean;

  /** Withdraw it */
  withdraw: boolean;

  /** Sign on for their own organisation */
  endorse: boolean;

  /** Comment on its sections */
  comment: boolean;
}

/** One submission with its word count against the limits and its final snapshot, if frozen. */
export class SubmissionDetailResponse extends SubmissionResponse {
  @ApiProperty({ type: () => SubmissionActionsResponse })
  can: SubmissionActionsResponse;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  finalSnapshotId: string | null;

  @ApiProperty({ type: () => WordCountResponse })
  wordCount: WordCountResponse;
}

/** Someone who can read the submission, and so can be @mentioned in its comments. */
export class MentionCandidateResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  name: string;

  @ApiProperty({ type: () => OrganizationRefResponse, nullable: true })
  organization: OrganizationRefResponse | null;
}

/** The submission's earliest open deadline. */
export class NextDeadlineResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  title: string;

  dueAt: Date;

  timeZone: string;
}
