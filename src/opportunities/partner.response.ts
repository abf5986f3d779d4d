import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OrganizationRefResponse } from '../organizations/organization.response.js';
import { PARTNER_STATUSES, type PartnerStatus } from '../../shared/opportunity.workflow.js';
import { CurrencyTotalResponse } from './opportunity.response.js';
import { PARTNER_ROLES, type PartnerRole } from './partner.entity.js';

/** An organisation in an opportunity's consortium. */
export class PartnerResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  opportunityId: string;

  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  @ApiProperty({ enum: PARTNER_ROLES, enumName: 'PartnerRole' })
  role: PartnerRole;

  @ApiProperty({ enum: PARTNER_STATUSES, enumName: 'PartnerStatus' })
  status: PartnerStatus;

  /** Decimal as a string */
  budgetAmount: string | null;

  budgetCurrency: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  confirmedBy: string | null;

  confirmedAt: Date | null;

  /** People of the organisation who get the call's reminders; empty: whoever confirmed its participation */
  @ApiProperty({ type: [String], format: 'uuid' })
  contactUserIds: string[];

  createdAt: Date;

  updatedAt: Date;

  @ApiProperty({ type: () => OrganizationRefResponse, nullable: true })
  organization: OrganizationRefResponse | null;

  /** False when the share is in another currency than the call; null when either is unset */
  @ApiProperty({ type: Boolean, nullable: true })
  inCallCurrency: boolean | null;

  /** Whether you may change it (in lists) */
  @ApiPropertyOptional()
  canEdit?: boolean;
}

/** The consortium page, with budget totals per currency over every partner. */
export class PartnerPageResponse {
  @ApiProperty({ type: () => [PartnerResponse] })
  items: PartnerResponse[];

  total: number;

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;

  /** The call's currency */
  currency: string | null;

  @ApiProperty({ type: () => [CurrencyTotalResponse] })
  budget: CurrencyTotalResponse[];
}
