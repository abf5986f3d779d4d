import { ApiProperty } from '@nestjs/swagger';

/** A personal API token as listed: its secret is never shown again. */
export class ApiTokenResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  userId: string;

  name: string;

  /** The first characters of the token, so a user can tell their tokens apart */
  prefix: string;

  expiresAt: Date | null;

  lastUsedAt: Date | null;

  revokedAt: Date | null;

  createdAt: Date;
}

export class CreatedApiTokenResponse extends ApiTokenResponse {
  /** The token itself (`cjn_…`), shown only in this answer; send it as `Authorization: Bearer` */
  token: string;
}
