import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../common/pagination.js';
import {
  CONFIDENTIALITY,
  type Confidentiality,
  SUBMISSION_CHANNELS,
  SUBMISSION_KINDS,
  SUBMISSION_STATUSES,
  type SubmissionChannel,
  type SubmissionKind,
  type SubmissionStatus,
  VISIBILITIES,
  type Visibility,
} from '../submission.entity.js';
import { OptionalNotNull, Trim } from '../../common/validators.js';

const URL_OPTIONS = { require_protocol: true, protocols: ['http', 'https'] };

export class PartnerDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organizationId: string;

  @ApiPropertyOptional({ default: false, description: 'Must endorse before the submission can be submitted' })
  @IsOptional()
  @IsBoolean()
  requiredSigner?: boolean;
}

export class CreateSubmissionDto {
  @ApiProperty({ example: 'Comment on the draft General Comment No. 26' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiProperty({ example: 'UN Committee on the Rights of the Child' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  targetBody: string;

  @ApiProperty({ enum: SUBMISSION_KINDS, enumName: 'SubmissionKind' })
  @IsIn(SUBMISSION_KINDS)
  kind: SubmissionKind;

  @ApiPropertyOptional({ example: 'https://www.ohchr.org/en/treaty-bodies/crc/general-comments' })
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  @MaxLength(1000)
  callUrl?: string | null;

  @ApiPropertyOptional({ example: 'en', description: 'BCP 47 language tag' })
  @OptionalNotNull()
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'language must be a language tag such as en, fr or km' })
  language?: string;

  @ApiPropertyOptional({ example: 3000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  wordLimit?: number | null;

  @ApiPropertyOptional({ example: 10 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  pageLimit?: number | null;

  @ApiPropertyOptional({ example: 'CRC 93rd session (May 2023)', description: 'Session or reporting-cycle reference' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  sessionReference?: string | null;

  @ApiPropertyOptional({
    enum: CONFIDENTIALITY,
    enumName: 'Confidentiality',
    default: 'publish',
    description: 'Whether the body may publish the text',
  })
  @OptionalNotNull()
  @IsIn(CONFIDENTIALITY)
  confidentiality?: Confidentiality;

  @ApiPropertyOptional({
    enum: SUBMISSION_CHANNELS,
    enumName: 'SubmissionChannel',
    description: 'How the text is sent',
  })
  @IsOptional()
  @IsIn(SUBMISSION_CHANNELS)
  channel?: SubmissionChannel | null;

  @ApiPropertyOptional({ example: 'crc@ohchr.org', description: 'Upload link, e-mail address or portal URL' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  channelAddress?: string | null;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  leadOrganizationId: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Co-drafting partner organisations' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  partnerOrganizationIds?: string[];

  @ApiPropertyOptional({
    type: [PartnerDto],
    description: 'Partners with their required-signer flag (instead of partnerOrganizationIds)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PartnerDto)
  partners?: PartnerDto[];

  @ApiPropertyOptional({ enum: VISIBILITIES, enumName: 'Visibility', default: 'participants' })
  @OptionalNotNull()
  @IsIn(VISIBILITIES)
  visibility?: Visibility;

  @ApiPropertyOptional({ format: 'uuid', description: 'Coordinator responsible; defaults to the creator' })
  @IsOptional()
  @IsUUID()
  ownerId?: string | null;

  @ApiPropertyOptional({ example: '2026-10-02', description: 'Date the body acknowledged receipt' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'acknowledgedAt must be a date YYYY-MM-DD' })
  acknowledgedAt?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  acknowledgementNote?: string | null;

  @ApiPropertyOptional({ description: 'Link to the proof of receipt (e-mail, portal receipt, file)' })
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  @MaxLength(1000)
  acknowledgementUrl?: string | null;

  @ApiPropertyOptional({ description: 'Where the body published the text' })
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  @MaxLength(1000)
  publishedUrl?: string | null;

  @ApiPropertyOptional({ example: '-1001234567890', description: 'Telegram group chat for reminders' })
  @IsOptional()
  @Matches(/^(-?\d{1,20}|@[A-Za-z0-9_]{5,32})$/, {
    message: 'telegramChatId must be a numeric chat id or @channel name',
  })
  telegramChatId?: string | null;
}

export class UpdateSubmissionDto extends PartialType(CreateSubmissionDto, { skipNullProperties: false }) {}

export const SUBMISSION_SORTS = ['created', 'deadline'] as const;

export class SubmissionQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SUBMISSION_STATUSES, enumName: 'SubmissionStatus' })
  @IsOptional()
  @IsIn(SUBMISSION_STATUSES)
  status?: SubmissionStatus;

  @ApiPropertyOptional({ enum: SUBMISSION_KINDS, enumName: 'SubmissionKind' })
  @IsOptional()
  @IsIn(SUBMISSION_KINDS)
  kind?: SubmissionKind;

  @ApiPropertyOptional({ description: 'Part of the target body, e.g. "CRC" or "OECD"' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  targetBody?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  leadOrganizationId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Lead or co-drafting partner' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ description: 'Text in the title, target body, reference or section text' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'Include archived submissions' })
  @IsOptional()
  @IsIn(['true', 'false'])
  archived?: 'true' | 'false';

  @ApiPropertyOptional({
    example: '2026-12-31T23:59:59Z',
    description: 'Only submissions with an open deadline due before this time',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  dueBefore?: string;

  @ApiPropertyOptional({
    enum: SUBMISSION_SORTS,
    default: 'created',
    description: 'Newest first, or the nearest open deadline first',
  })
  @IsOptional()
  @IsIn(SUBMISSION_SORTS)
  sort?: (typeof SUBMISSION_SORTS)[number];
}

export class SubmissionTransitionDto {
  @ApiProperty({ enum: SUBMISSION_STATUSES, enumName: 'SubmissionStatus' })
  @IsIn(SUBMISSION_STATUSES)
  to: SubmissionStatus;

  @ApiPropertyOptional({ description: 'Why; a coordinator giving a reason overrides unmet conditions (recorded)' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({ description: 'Override unmet conditions (coordinators, with a reason)' })
  @IsOptional()
  @IsBoolean()
  override?: boolean;
}

export class MentionQuery {
  @ApiPropertyOptional({ description: 'Part of the name or e-mail address' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
