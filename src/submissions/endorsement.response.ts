import { ApiProperty } from '@nestjs/swagger';
import { OrganizationRefResponse } from '../organizations/organization.response.js';
import { PersonResponse } from './person.response.js';

export class EndorsementResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  submissionId: string;

  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  @ApiProperty({ type: () => OrganizationRefResponse, nullable: true })
  organization: OrganizationRefResponse | null;

  /** The name under which the organisation signs */
  displayName: string;

  @ApiProperty({ type: () => PersonResponse, nullable: true })
  endorsedBy: PersonResponse | null;

  endorsedAt: Date;

  withdrawnAt: Date | null;

  @ApiProperty({ type: () => PersonResponse, nullable: true })
  withdrawnBy: PersonResponse | null;
}
