import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQuery } from '../../common/pagination.js';
import { SECTION_STATUSES, type SectionStatus } from '../section.entity.js';
import { INT4_MAX, OptionalNotNull, Trim } from '../../common/validators.js';

export const MAX_BODY = 200_000;

export class CreateSectionDto {
  @ApiProperty({ example: 'Access to justice for children in conflict with the law' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiPropertyOptional({ minimum: 1, description: 'Place in the text, 1 = first; default last' })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(10_000)
  position?: number;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  assigneeId?: string | null;

  @ApiPropertyOptional({ description: 'Markdown' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(MAX_BODY)
  body?: string;

  @ApiPropertyOptional({ enum: SECTION_STATUSES, enumName: 'SectionStatus', default: 'not_started' })
  @OptionalNotNull()
  @IsIn(SECTION_STATUSES)
  status?: SectionStatus;
}

export class UpdateSectionDto extends PartialType(CreateSectionDto, { skipNullProperties: false }) {
  @ApiPropertyOptional({ description: 'The version this edit was made on (or send If-Match)' })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(INT4_MAX)
  version?: number;
}

export class ReorderSectionsDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Every section of the submission, in the new order' })
  @IsArray()
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  sectionIds: string[];
}

export class DiffQuery {
  @ApiProperty({ description: 'Older revision (version number)' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(INT4_MAX)
  from: number;

  @ApiPropertyOptional({ description: 'Newer revision (version number); default the current one' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(INT4_MAX)
  to?: number;
}

export class RevisionQuery extends PageQuery {}

export class SnapshotDto {
  @ApiProperty({ example: 'Sent to partners 1 Oct' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;
}
