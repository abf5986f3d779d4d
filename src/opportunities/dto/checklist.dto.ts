import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';

/** Optional, but when sent it must be a value: null for a NOT NULL column is a 400, not a database error. */
const IsOptionalNotNull = () => ValidateIf((_: object, value: unknown) => value !== undefined);
import { PageQuery } from '../../common/pagination.js';
import { CHECKLIST_STATUSES, type ChecklistStatus } from '../checklist-item.entity.js';

export class CreateChecklistItemDto {
  @ApiProperty({ example: 'Audited financial statements 2024' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The partner who owes it; none = the consortium / secretariat' })
  @IsOptional()
  @IsUUID()
  partnerId?: string | null;

  @ApiProperty({ default: true })
  @IsBoolean()
  required: boolean;

  @ApiPropertyOptional({ enum: CHECKLIST_STATUSES, enumName: 'ChecklistStatus', default: 'todo' })
  @IsOptionalNotNull()
  @IsIn(CHECKLIST_STATUSES)
  status?: ChecklistStatus;

  @ApiPropertyOptional({ description: 'A link to the document (shared drive etc.)' })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(1000)
  url?: string | null;

  @ApiPropertyOptional({ format: 'uuid', description: 'An organisation document to use instead of an upload' })
  @IsOptional()
  @IsUUID()
  documentId?: string | null;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(100000)
  position?: number;
}

/** Members of the owing organisation may change status (not to waived), url, documentId; coordinators all. */
export class UpdateChecklistItemDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  partnerId?: string | null;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsBoolean()
  required?: boolean;

  @ApiPropertyOptional({ enum: CHECKLIST_STATUSES, enumName: 'ChecklistStatus' })
  @IsOptionalNotNull()
  @IsIn(CHECKLIST_STATUSES)
  status?: ChecklistStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(1000)
  url?: string | null;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  documentId?: string | null;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(100000)
  position?: number;
}

export class ChecklistQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  partnerId?: string;

  @ApiPropertyOptional({ enum: CHECKLIST_STATUSES, enumName: 'ChecklistStatus' })
  @IsOptional()
  @IsIn(CHECKLIST_STATUSES)
  status?: ChecklistStatus;
}
