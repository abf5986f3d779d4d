import { ApiProperty } from '@nestjs/swagger';
import { OrganizationRefResponse } from '../organizations/organization.response.js';
import {
  ASSESSMENT_STATUSES,
  type AssessmentStatus,
  UPR_RESPONSES,
  type UprResponse,
} from './recommendation.entity.js';
import {
  MECHANISMS,
  type Mechanism,
  REVIEW_DATE_KINDS,
  REVIEW_VISIBILITIES,
  type ReviewDateKind,
} from './review.entity.js';

export class ReviewDateResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: REVIEW_DATE_KINDS, enumName: 'ReviewDateKind' })
  kind: ReviewDateKind;

  @ApiProperty({ example: '2027-11-14' })
  date: string;

  @ApiProperty({ type: String, nullable: true })
  label: string | null;
}

export class ReviewActionsResponse {
  @ApiProperty({ description: 'May change the review and its recommendations' })
  change: boolean;

  @ApiProperty({ description: 'May import recommendations' })
  import: boolean;
}

export class ReviewResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: MECHANISMS, enumName: 'Mechanism' })
  mechanism: Mechanism;

  @ApiProperty({ type: String, nullable: true })
  mechanismName: string | null;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: String, nullable: true })
  symbol: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2022-05-27' })
  adoptedOn: string | null;

  @ApiProperty({ example: 'en' })
  sourceLanguage: string;

  @ApiProperty({ enum: REVIEW_VISIBILITIES, enumName: 'Visibility' })
  visibility: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  createdBy: string | null;

  @ApiProperty({ type: () => [ReviewDateResponse] })
  dates: ReviewDateResponse[];

  @ApiProperty()
  recommendationCount: number;

  @ApiProperty({ type: () => ReviewActionsResponse })
  can: ReviewActionsResponse;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;
}

export class SubmissionLinkResponse {
  @ApiProperty({ format: 'uuid' })
  submissionId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  sectionId: string | null;
}

export class EvidenceResponse {
  @ApiProperty({ required: false })
  url?: string;

  @ApiProperty({ required: false, format: 'uuid' })
  fileId?: string;

  @ApiProperty({ required: false, description: 'The uploaded file’s name (in a history)' })
  fileName?: string;

  @ApiProperty({ required: false })
  reference?: string;
}

export class RecommendationActionsResponse {
  @ApiProperty({ description: 'May change tags, scope, responsible and following organisations, links' })
  change: boolean;

  @ApiProperty({ description: 'May add an assessment' })
  assess: boolean;
}

export class RecommendationResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  reviewId: string;

  @ApiProperty({ example: '48(a)', description: 'As the document numbers it' })
  paragraph: string;

  @ApiProperty({ type: String, nullable: true, example: '48' })
  parentParagraph: string | null;

  @ApiProperty()
  position: number;

  @ApiProperty({ type: String, nullable: true })
  cluster: string | null;

  @ApiProperty({ type: String, nullable: true })
  subheading: string | null;

  @ApiProperty()
  text: string;

  @ApiProperty({ type: String, nullable: true })
  textKm: string | null;

  @ApiProperty()
  urgent: boolean;

  @ApiProperty({ type: String, nullable: true })
  recommendingState: string | null;

  @ApiProperty({ enum: UPR_RESPONSES, enumName: 'UprResponse', nullable: true })
  response: UprResponse | null;

  @ApiProperty({ type: [String] })
  tags: string[];

  @ApiProperty()
  inScope: boolean;

  @ApiProperty({ type: [String], format: 'uuid' })
  responsibleOrganizationIds: string[];

  @ApiProperty({ type: () => [OrganizationRefResponse] })
  responsibleOrganizations: OrganizationRefResponse[];

  @ApiProperty({ type: [String], format: 'uuid' })
  followingOrganizationIds: string[];

  @ApiProperty({ type: () => [OrganizationRefResponse] })
  followingOrganizations: OrganizationRefResponse[];

  @ApiProperty({ type: () => [SubmissionLinkResponse] })
  submissionLinks: SubmissionLinkResponse[];

  @ApiProperty({ type: [String], format: 'uuid' })
  opportunityIds: string[];

  @ApiProperty({ enum: ASSESSMENT_STATUSES, enumName: 'AssessmentStatus', description: 'The latest assessment’s' })
  status: AssessmentStatus;

  @ApiProperty({ type: String, nullable: true, description: 'The day of the latest assessment' })
  assessedOn: string | null;

  @ApiProperty({ type: () => RecommendationActionsResponse })
  can: RecommendationActionsResponse;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;
}

export class AssessmentResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  recommendationId: string;

  @ApiProperty({ enum: ASSESSMENT_STATUSES, enumName: 'AssessmentStatus' })
  status: AssessmentStatus;

  @ApiProperty()
  summary: string;

  @ApiProperty({ type: () => [EvidenceResponse] })
  evidence: EvidenceResponse[];

  @ApiProperty({ example: '2026-11-30' })
  assessedOn: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  organizationId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  assessedBy: string | null;

  @ApiProperty()
  createdAt: Date;
}

export class AssessorResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;
}

export class AssessmentHistoryResponse extends AssessmentResponse {
  @ApiProperty({ type: () => OrganizationRefResponse, nullable: true, description: 'The assessing organisation' })
  organization: OrganizationRefResponse | null;

  @ApiProperty({ type: () => AssessorResponse, nullable: true, description: 'The person who assessed' })
  assessor: AssessorResponse | null;
}

export class ReviewRefResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: String, nullable: true })
  symbol: string | null;

  @ApiProperty({ enum: MECHANISMS, enumName: 'Mechanism' })
  mechanism: Mechanism;
}

export class RecommendationDetailResponse extends RecommendationResponse {
  @ApiProperty({ type: () => ReviewRefResponse })
  review: ReviewRefResponse;

  @ApiProperty({ type: () => [AssessmentHistoryResponse], description: 'Every assessment, newest first' })
  history: AssessmentHistoryResponse[];
}

export class ParsedRecommendationResponse {
  @ApiProperty({ example: '48(a)' })
  paragraph: string;

  @ApiProperty({ type: String, nullable: true, example: '48' })
  parent: string | null;

  @ApiProperty({ type: String, nullable: true })
  cluster: string | null;

  @ApiProperty({ type: String, nullable: true })
  subheading: string | null;

  @ApiProperty()
  urgent: boolean;

  @ApiProperty()
  text: string;

  @ApiProperty({ type: String, nullable: true })
  textKm: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'UPR: the State that made it' })
  recommendingState: string | null;

  @ApiProperty({ type: [String], required: false, description: 'CSV import only: the tags column' })
  tags?: string[];

  @ApiProperty({ required: false, description: 'CSV import only: the inScope column' })
  inScope?: boolean;

  @ApiProperty({ enum: UPR_RESPONSES, enumName: 'UprResponse', nullable: true, required: false })
  response?: UprResponse | null;

  @ApiProperty({ description: 'The line of the paste where it starts' })
  line: number;
}

export class UnplacedLineResponse {
  @ApiProperty()
  line: number;

  @ApiProperty()
  text: string;
}

export class ParseCountsResponse {
  @ApiProperty()
  items: number;

  @ApiProperty()
  paragraphs: number;

  @ApiProperty()
  subItems: number;

  @ApiProperty()
  urgent: number;

  @ApiProperty()
  clusters: number;

  @ApiProperty()
  translated: number;

  @ApiProperty()
  unplaced: number;

  @ApiProperty({ description: 'Page headers and page numbers left out' })
  dropped: number;
}

export class ImportResultResponse {
  @ApiProperty()
  dryRun: boolean;

  @ApiProperty({ type: () => [ParsedRecommendationResponse] })
  items: ParsedRecommendationResponse[];

  @ApiProperty({ type: () => [UnplacedLineResponse] })
  unplaced: UnplacedLineResponse[];

  @ApiProperty({ type: () => ParseCountsResponse })
  counts: ParseCountsResponse;

  @ApiProperty({ description: 'Recommendations the import adds (would add, on a dry run)' })
  created: number;

  @ApiProperty({ description: 'Recommendations whose imported text, cluster or urgency it changes' })
  updated: number;

  @ApiProperty({ description: 'Recommendations already as imported: left untouched' })
  unchanged: number;
}
