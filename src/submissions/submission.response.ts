import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OrganizationRefResponse } from '../organizations/organization.response.js';
import { SECTION_STATUSES, type SectionStatus } from './section.entity.js';
import { SNAPSHOT_KINDS, type SnapshotKind } from './snapshot.entity.js';
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

/** A person named on a record. */
export class PersonResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  name: string;
}

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

export class SectionResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  submissionId: string;

  position: number;

  title: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  assigneeId: string | null;

  @ApiProperty({ type: () => PersonResponse, nullable: true })
  assignee: PersonResponse | null;

  /** Markdown */
  body: string;

  @ApiProperty({ enum: SECTION_STATUSES, enumName: 'SectionStatus' })
  status: SectionStatus;

  /** Send it back when saving (body `version` or `If-Match`) */
  version: number;

  wordCount: number;

  /** Whether the caller may save this section's text and status (a coordinator, the lead's staff, or its assignee's organisation); absent in a 409's copy */
  @ApiPropertyOptional()
  canEditText?: boolean;

  @ApiProperty({ type: () => PersonResponse, nullable: true })
  updatedBy: PersonResponse | null;

  createdAt: Date;

  updatedAt: Date;
}

export class RevisionResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  sectionId: string;

  version: number;

  title: string;

  body: string;

  @ApiProperty({ enum: SECTION_STATUSES, enumName: 'SectionStatus' })
  status: SectionStatus;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  assigneeId: string | null;

  wordCount: number;

  @ApiProperty({ type: () => PersonResponse, nullable: true })
  author: PersonResponse | null;

  createdAt: Date;
}

export class RevisionSummaryResponse {
  version: number;

  title: string;

  @ApiProperty({ enum: SECTION_STATUSES, enumName: 'SectionStatus' })
  status: SectionStatus;

  @ApiProperty({ type: () => PersonResponse, nullable: true })
  author: PersonResponse | null;

  createdAt: Date;
}

export class WordChangeResponse {
  value: string;

  added: boolean;

  removed: boolean;
}

export class RevisionDiffResponse {
  @ApiProperty({ format: 'uuid' })
  sectionId: string;

  @ApiProperty({ type: () => RevisionSummaryResponse })
  from: RevisionSummaryResponse;

  @ApiProperty({ type: () => RevisionSummaryResponse })
  to: RevisionSummaryResponse;

  titleChanged: boolean;

  statusChanged: boolean;

  linesAdded: number;

  linesRemoved: number;

  wordsBefore: number;

  wordsAfter: number;

  /** A unified diff of the bodies */
  patch: string;

  /** The bodies word by word: unchanged, added or removed runs */
  @ApiProperty({ type: () => [WordChangeResponse] })
  changes: WordChangeResponse[];
}

export class CommentResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  sectionId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  parentId: string | null;

  @ApiProperty({ type: () => PersonResponse, nullable: true })
  author: PersonResponse | null;

  body: string;

  @ApiProperty({ type: () => [PersonResponse] })
  mentions: PersonResponse[];

  resolved: boolean;

  resolvedAt: Date | null;

  @ApiProperty({ type: () => PersonResponse, nullable: true })
  resolvedBy: PersonResponse | null;

  createdAt: Date;

  updatedAt: Date;
}

/** A comment thread: the comment and its replies, oldest first. */
export class CommentThreadResponse extends CommentResponse {
  @ApiProperty({ type: () => [CommentResponse] })
  replies: CommentResponse[];
}

export class EndorsementResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  submissionId: string;

  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  @ApiProperty({ type: () => OrganizationRefResponse, nullable: true })
  organization: OrganizationRefResponse | null;

  /** The name under which the organisation signs */
  displayName: string;

  @ApiProperty({ type: () => PersonResponse, nullable: true })
  endorsedBy: PersonResponse | null;

  endorsedAt: Date;

  withdrawnAt: Date | null;

  @ApiProperty({ type: () => PersonResponse, nullable: true })
  withdrawnBy: PersonResponse | null;
}

export class AssembledSectionResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  title: string;

  /** Markdown */
  body: string;

  version: number;
}

export class SignatoryResponse {
  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  displayName: string;

  @ApiProperty({ type: String, format: 'date-time' })
  endorsedAt: string;
}

/** The assembled text of a submission: title, sections in order, signatories. */
export class AssembledDocumentResponse {
  title: string;

  targetBody: string;

  @ApiProperty({ enum: SUBMISSION_KINDS, enumName: 'SubmissionKind' })
  kind: string;

  language: string;

  sessionReference: string | null;

  @ApiProperty({ type: () => [AssembledSectionResponse] })
  sections: AssembledSectionResponse[];

  @ApiProperty({ type: () => [SignatoryResponse] })
  signatories: SignatoryResponse[];
}

export class DocumentResponse {
  @ApiProperty({ type: () => AssembledDocumentResponse })
  document: AssembledDocumentResponse;

  markdown: string;

  /** Set when this is the frozen final text */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  finalSnapshotId: string | null;
}

export class SnapshotResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  submissionId: string;

  name: string;

  @ApiProperty({ enum: SNAPSHOT_KINDS, enumName: 'SnapshotKind' })
  kind: SnapshotKind;

  wordCount: number;

  @ApiProperty({ type: () => PersonResponse, nullable: true })
  createdBy: PersonResponse | null;

  createdAt: Date;
}

export class SnapshotDetailResponse extends SnapshotResponse {
  markdown: string;

  @ApiProperty({ type: () => AssembledDocumentResponse })
  content: AssembledDocumentResponse;
}

/** Someone who has a section open in the editor. */
export class PresenceResponse {
  @ApiProperty({ type: () => PersonResponse })
  user: PersonResponse;

  /** When this presence lapses unless renewed */
  expiresAt: Date;
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
