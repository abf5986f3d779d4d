import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../common/pagination.js';
import { Trim } from '../../common/validators.js';
import { IsDay } from './review.dto.js';
import {
  ASSESSMENT_STATUSES,
  type AssessmentStatus,
  UPR_RESPONSES,
  type UprResponse,
} from '../recommendation.entity.js';

export class SubmissionLinkDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  submissionId: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  sectionId?: string | null;
}

/** What a coordinator changes on a recommendation (its text stays as imported). */
export class UpdateRecommendationDto {
  @ApiPropertyOptional({ type: [String], example: ['child justice', 'diversion'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Matches(/^[\p{L}\p{N}][\p{L}\p{M}\p{N} _-]{0,49}$/u, {
    each: true,
    message: 'each tag must be 1-50 letters, digits, spaces, _ or -',
  })
  tags?: string[];

  @ApiPropertyOptional({ description: "Within the network's scope" })
  @IsOptional()
  @IsBoolean()
  inScope?: boolean;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Government bodies (organisations of kind government)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsUUID('all', { each: true })
  responsibleOrganizationIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Network organisations that follow it' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsUUID('all', { each: true })
  followingOrganizationIds?: string[];

  @ApiPropertyOptional({ type: [SubmissionLinkDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => SubmissionLinkDto)
  submissionLinks?: SubmissionLinkDto[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsUUID('all', { each: true })
  opportunityIds?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, description: 'The Khmer text beside the imported one' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  textKm?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'UPR: the recommending State' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  recommendingState?: string | null;

  @ApiPropertyOptional({ enum: UPR_RESPONSES, enumName: 'UprResponse', nullable: true })
  @IsOptional()
  @IsIn(UPR_RESPONSES)
  response?: UprResponse | null;
}

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class RecommendationQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'The cluster (heading) as imported' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cluster?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50)
  tag?: string;

  @ApiPropertyOptional({ enum: ASSESSMENT_STATUSES, enumName: 'AssessmentStatus', description: 'The current status' })
  @IsOptional()
  @IsIn(ASSESSMENT_STATUSES)
  status?: AssessmentStatus;

  @ApiPropertyOptional({ enum: ['true', 'false'], enumName: 'BooleanString' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  urgent?: boolean;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  responsibleOrganizationId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  followingOrganizationId?: string;
}

export const MAX_IMPORT_BYTES = 1024 * 1024;

export class ImportRecommendationsDto {
  @ApiProperty({ description: 'The recommendations part of the document, pasted as text (at most 1 MB)' })
  @IsString()
  text: string;

  @ApiProperty({ description: 'true: answer the preview and save nothing; false: save all or nothing' })
  @IsBoolean()
  dryRun: boolean;

  @ApiPropertyOptional({
    enum: ['text', 'csv'],
    enumName: 'RecommendationImportFormat',
    default: 'text',
    description:
      'text: pasted Concluding Observations; csv: a header line and the columns paragraph, text and optionally ' +
      'parentParagraph, cluster, subheading, urgent, textKm, tags (separated by ;), inScope, recommendingState, response',
  })
  @IsOptional()
  @IsIn(['text', 'csv'])
  format?: 'text' | 'csv';
}

/** The form fields beside an uploaded document (multipart fields are text: "true" or "false"). */
export class ImportRecommendationsFileDto {
  @ApiProperty({ description: 'true: answer the preview and save nothing; false: save all or nothing' })
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  dryRun: boolean;
}

export class EvidenceDto {
  @ApiPropertyOptional({ example: 'https://www.ocm.gov.kh/…', description: 'An http(s) link' })
  @IsOptional()
  @IsString()
  @Matches(/^https?:\/\/[^\s/?#]+[^\s]*$/i, { message: 'url must be an http(s) address' })
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'An uploaded file' })
  @IsOptional()
  @IsUUID()
  fileId?: string;

  @ApiPropertyOptional({
    example: 'Law on Juvenile Justice (2016), art. 38',
    description: 'A law, decree or statistic',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reference?: string;
}

export class CreateAssessmentDto {
  @ApiProperty({ enum: ASSESSMENT_STATUSES, enumName: 'AssessmentStatus' })
  @IsIn(ASSESSMENT_STATUSES)
  status: AssessmentStatus;

  @ApiProperty({ example: 'Diversion is used in two provinces; no national data yet.' })
  @IsString()
  @MaxLength(10000)
  summary: string;

  @ApiPropertyOptional({ type: [EvidenceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => EvidenceDto)
  evidence?: EvidenceDto[];

  @ApiPropertyOptional({ example: '2026-11-30', description: 'The day it describes; today by default' })
  @IsOptional()
  @IsDay('assessedOn')
  assessedOn?: string;
}
