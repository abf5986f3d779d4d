import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MEMBERSHIP_STATUSES,
  type MembershipStatus,
  ORGANIZATION_KINDS,
  type OrganizationKind,
} from './organization.entity.js';

export class ContactResponse {
  name: string;

  @ApiPropertyOptional()
  email?: string;

  @ApiPropertyOptional()
  phone?: string;

  @ApiPropertyOptional()
  role?: string;
}

export class OrganizationResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  name: string;

  acronym: string | null;

  @ApiProperty({ enum: ORGANIZATION_KINDS, enumName: 'OrganizationKind' })
  kind: OrganizationKind;

  /** ISO 3166-1 alpha-2 */
  country: string | null;

  website: string | null;

  isMember: boolean;

  /** A date (YYYY-MM-DD) */
  @ApiProperty({ type: String, format: 'date', nullable: true })
  memberSince: string | null;

  @ApiProperty({ enum: MEMBERSHIP_STATUSES, enumName: 'MembershipStatus', nullable: true })
  membershipStatus: MembershipStatus | null;

  @ApiProperty({ type: () => [ContactResponse] })
  contacts: ContactResponse[];

  archivedAt: Date | null;

  createdAt: Date;

  updatedAt: Date;
}

/** An organisation named on another record. */
export class OrganizationRefResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  name: string;

  acronym: string | null;
}
