import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { PageQuery } from '../../common/pagination.js';
import { STAGES, type Stage, VISIBILITIES, type Visibility } from '../opportunity.entity.js';
import { IsAmount, IsCurrency } from './money.js';
import { Trim } from '../../common/validators.js';

export class CreateOpportunityDto {
  @ApiProperty({ example: 'EU CSO-LA Cambodia 2026: access to justice for children' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The funder (an organisation)' })
  @IsOptional()
  @IsUUID()
  funderId?: string | null;

  @ApiPropertyOptional({ example: 'EuropeAid/182345/DD/ACT/KH' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  callReference?: string | null;

  @ApiPropertyOptional({ example: 'https://funder.example.org/calls/2026-01' })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(1000)
  url?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['child-justice', 'diversion'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Matches(/^[\p{L}\p{N}][\p{L}\p{N} _-]{0,49}$/u, {
    each: true,
    message: 'each tag must be 1-50 letters, digits, spaces, _ or -',
  })
  tags?: string[];

  @ApiPropertyOptional({ example: '150000.00', description: 'Decimal string or number' })
  @IsOptional()
  @IsAmount()
  amountMin?: string | null;

  @ApiPropertyOptional({ example: '400000.00' })
  @IsOptional()
  @IsAmount()
  amountMax?: string | null;

  @ApiPropertyOptional({ example: 'EUR', description: 'ISO 4217' })
  @IsOptional()
  @IsCurrency()
  currency?: string | null;

  @ApiPropertyOptional({
    example: '2026-03-31T17:00:00+01:00',
    description: "When the call closes (the funder's date)",
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  closesAt?: string | null;

  @ApiPropertyOptional({ format: 'uuid', description: 'The coordinator responsible' })
  @IsOptional()
  @IsUUID()
  ownerId?: string | null;

  @ApiProperty({
    enum: VISIBILITIES,
    enumName: 'Visibility',
    description: 'network: every signed-in user; participants: coordinators and partner organisations',
  })
  @IsIn(VISIBILITIES)
  visibility: Visibility;

  @ApiPropertyOptional({
    example: '-1001234567890',
    description: 'Telegram group chat of the consortium, for reminders',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(/^(-?\d{1,20}|@[A-Za-z0-9_]{5,32})$/, {
    message: 'telegramChatId must be a numeric chat id or @channelname',
  })
  telegramChatId?: string | null;
}

export class UpdateOpportunityDto extends PartialType(CreateOpportunityDto, { skipNullProperties: false }) {}

export const SORTS = [
  'updatedAt',
  '-updatedAt',
  'createdAt',
  '-createdAt',
  'title',
  '-title',
  'closesAt',
  '-closesAt',
  'stage',
  '-stage',
] as const;
export type Sort = (typeof SORTS)[number];

const csvList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : Array.isArray(value)
      ? value
      : value;

export class OpportunityQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: STAGES,
    enumName: 'OpportunityStage',
    isArray: true,
    description: 'One stage or several (repeated, or comma-separated)',
    example: ['screening', 'preparing'],
  })
  @IsOptional()
  @Transform(csvList)
  @IsArray()
  @ArrayMaxSize(10)
  @IsIn(STAGES, { each: true })
  stage?: Stage[];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  funderId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Opportunities this organisation takes part in' })
  @IsOptional()
  @IsUUID()
  partnerOrganizationId?: string;

  @ApiPropertyOptional({ example: 'child-justice' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  tag?: string;

  @ApiPropertyOptional({ description: 'Text in title or description' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: VISIBILITIES, enumName: 'Visibility' })
  @IsOptional()
  @IsIn(VISIBILITIES)
  visibility?: Visibility;

  @ApiPropertyOptional({ description: 'Calls closing at or after this instant or date', example: '2026-01-01' })
  @IsOptional()
  @IsISO8601({ strict: true })
  closesFrom?: string;

  @ApiPropertyOptional({ description: 'Calls closing before this instant or date', example: '2026-06-30' })
  @IsOptional()
  @IsISO8601({ strict: true })
  closesTo?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    enumName: 'BooleanString',
    description: 'Include archived (deleted) opportunities',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  archived?: 'true' | 'false';

  @ApiPropertyOptional({ enum: SORTS, enumName: 'OpportunitySort', default: '-updatedAt' })
  @IsOptional()
  @IsIn(SORTS)
  sort?: Sort;
}

export class OpportunityTransitionDto {
  @ApiProperty({ enum: STAGES, enumName: 'OpportunityStage' })
  @IsIn(STAGES)
  to: Stage;

  @ApiPropertyOptional({ description: 'Why (kept in the activity log); required with override' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({ description: 'Coordinators: submit although the checks are not met (needs a reason)' })
  @IsOptional()
  @IsBoolean()
  override?: boolean;

  @ApiPropertyOptional({ example: '250000.00', description: 'Required when moving to awarded' })
  @IsOptional()
  @IsAmount()
  awardedAmount?: string;

  @ApiPropertyOptional({ example: 'EUR', description: 'Defaults to the call currency' })
  @IsOptional()
  @IsCurrency()
  awardedCurrency?: string;
}
