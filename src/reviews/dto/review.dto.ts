import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../common/pagination.js';
import { Trim } from '../../common/validators.js';
import {
  MECHANISMS,
  type Mechanism,
  REVIEW_DATE_KINDS,
  REVIEW_VISIBILITIES,
  type ReviewDateKind,
  type ReviewVisibility,
} from '../review.entity.js';

/** A whole day, YYYY-MM-DD, that exists. */
export function IsDay(field: string): PropertyDecorator {
  return (target, key) => {
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: `${field} must be a date (YYYY-MM-DD)` })(target, key);
    IsISO8601({ strict: true }, { message: `${field} must be a real date` })(target, key);
  };
}

export class ReviewDateDto {
  @ApiProperty({ enum: REVIEW_DATE_KINDS, enumName: 'ReviewDateKind' })
  @IsIn(REVIEW_DATE_KINDS)
  kind: ReviewDateKind;

  @ApiProperty({
    example: '2027-11-14',
    description: 'The day: a deadline due at the end of it in Geneva (Europe/Zurich)',
  })
  @IsDay('date')
  date: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Required for kind other' })
  @ValidateIf((dto: ReviewDateDto) => dto.kind === 'other' || (dto.label !== undefined && dto.label !== null))
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  label?: string | null;
}

export class CreateReviewDto {
  @ApiProperty({ enum: MECHANISMS, enumName: 'Mechanism' })
  @IsIn(MECHANISMS)
  mechanism: Mechanism;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Required for mechanism other' })
  @ValidateIf(
    (dto: CreateReviewDto) =>
      dto.mechanism === 'other' || (dto.mechanismName !== undefined && dto.mechanismName !== null),
  )
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  mechanismName?: string | null;

  @ApiProperty({ example: 'CRC review of Cambodia, 2022 (combined 4th to 6th reports)' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'CRC/C/KHM/CO/4-6' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  symbol?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2022-05-27' })
  @IsOptional()
  @IsDay('adoptedOn')
  adoptedOn?: string | null;

  @ApiPropertyOptional({ enum: ['en', 'km', 'fr', 'es'], enumName: 'SourceLanguage', default: 'en' })
  @IsOptional()
  @IsIn(['en', 'km', 'fr', 'es'])
  sourceLanguage?: string;

  @ApiProperty({ enum: REVIEW_VISIBILITIES, enumName: 'Visibility' })
  @IsIn(REVIEW_VISIBILITIES)
  visibility: ReviewVisibility;

  @ApiPropertyOptional({ type: [ReviewDateDto], description: 'The next cycle: each date becomes a deadline' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ReviewDateDto)
  dates?: ReviewDateDto[];
}

export class UpdateReviewDto extends PartialType(CreateReviewDto, { skipNullProperties: false }) {}

export class ReviewQuery extends PageQuery {
  @ApiPropertyOptional({ enum: MECHANISMS, enumName: 'Mechanism' })
  @IsOptional()
  @IsIn(MECHANISMS)
  mechanism?: Mechanism;
}
