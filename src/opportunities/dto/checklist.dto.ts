import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQuery } from '../../common/pagination.js';
import { CHECKLIST_STATUSES, type ChecklistStatus } from '../checklist-item.entity.js';
import { OptionalNotNull, Trim } from '../../common/validators.js';

export class CreateChecklistItemDto {
  @ApiProperty({ example: 'Audited financial statements 2024' })
  @Trim()
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
  @OptionalNotNull()
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
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(100000)
  position?: number;
}

/** Members of the owing organisation may change status (not to waived), url, documentId; coordinators all. */
export class UpdateChecklistItemDto extends PartialType(CreateChecklistItemDto, { skipNullProperties: false }) {
  @ApiPropertyOptional({ description: 'Why the item is waived; required with status waived (coordinators)' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  waiveReason?: string;
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
