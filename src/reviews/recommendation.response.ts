import { ApiProperty } from '@nestjs/swagger';
import { OrganizationRefResponse } from '../organizations/organization.response.js';
import {
  ASSESSMENT_STATUSES,
  type AssessmentStatus,
  UPR_RESPONSES,
  type UprResponse,
} from './recommendation.entity.js';
import { ReviewRefResponse } from './review.response.js';

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

export class RecommendationDetailResponse extends RecommendationResponse {
  @ApiProperty({ type: () => ReviewRefResponse })
  review: ReviewRefResponse;

  @ApiProperty({ type: () => [AssessmentHistoryResponse], description: 'Every assessment, newest first' })
  history: AssessmentHistoryResponse[];
}
