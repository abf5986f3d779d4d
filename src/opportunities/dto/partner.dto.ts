import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../../common/pagination.js';
import { PARTNER_ROLES, PARTNER_STATUSES, type PartnerRole, type PartnerStatus } from '../partner.entity.js';
import { OptionalNotNull } from '../../common/validators.js';
import { IsAmount, IsCurrency } from './money.js';

export class CreatePartnerDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organizationId: string;

  @ApiProperty({ enum: PARTNER_ROLES, enumName: 'PartnerRole' })
  @IsIn(PARTNER_ROLES)
  role: PartnerRole;

  @ApiPropertyOptional({ enum: PARTNER_STATUSES, enumName: 'PartnerStatus', default: 'invited' })
  @OptionalNotNull()
  @IsIn(PARTNER_STATUSES)
  status?: PartnerStatus;

  @ApiPropertyOptional({ example: '45000.00' })
  @IsOptional()
  @IsAmount()
  budgetAmount?: string | null;

  @ApiPropertyOptional({
    example: 'USD',
    description: 'May differ from the call currency; shown as such, never converted',
  })
  @IsOptional()
  @IsCurrency()
  budgetCurrency?: string | null;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description:
      "People of this organisation who get the call's reminders (besides each deadline's assignees); empty: whoever confirmed its participation",
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  contactUserIds?: string[];
}

/** Coordinators change everything; a partner organisation's members change only `status` and `contactUserIds`. */
export class UpdatePartnerDto extends PartialType(OmitType(CreatePartnerDto, ['organizationId'] as const), {
  skipNullProperties: false,
}) {}

export class PartnerQuery extends PageQuery {}
