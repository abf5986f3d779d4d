import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';

const STATUSES = ['up', 'down', 'off'] as const;

export class CheckResponse {
  /** `off`: not configured (no SMTP_URL, no TELEGRAM_BOT_TOKEN) */
  @ApiProperty({ enum: STATUSES, enumName: 'CheckStatus' })
  status: 'up' | 'down' | 'off';

  @ApiPropertyOptional()
  latencyMs?: number;

  @ApiPropertyOptional()
  error?: string;
}

export class QueueHealthResponse {
  liveWorkers: number;

  waiting: number;

  delayed: number;

  active: number;

  completed: number;

  failed: number;

  /** failed / (completed + failed) among the jobs BullMQ keeps */
  failureRate: number;
}

export class WorkersCheckResponse {
  @ApiProperty({ enum: STATUSES, enumName: 'CheckStatus' })
  status: 'up' | 'down';

  @ApiPropertyOptional()
  liveWorkers?: number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(QueueHealthResponse) },
    description: 'By queue name',
  })
  queues?: Record<string, QueueHealthResponse>;

  @ApiPropertyOptional()
  error?: string;
}

export class HealthChecksResponse {
  @ApiProperty({ type: () => CheckResponse })
  postgres: CheckResponse;

  @ApiProperty({ type: () => CheckResponse })
  redis: CheckResponse;

  @ApiProperty({ type: () => WorkersCheckResponse })
  workers: WorkersCheckResponse;

  /** SMTP answers (verify) */
  @ApiProperty({ type: () => CheckResponse })
  email: CheckResponse;

  /** The Telegram Bot API answers (getMe) */
  @ApiProperty({ type: () => CheckResponse })
  telegram: CheckResponse;
}

export class LastBackupResponse {
  @ApiProperty({ type: String, format: 'date-time' })
  at: string;

  file: string;

  sizeBytes: number;
}

const WARNING_CODES = ['published_password', 'admin_email_ignored'] as const;

/** Something found at start-up that an admin should act on (also logged then). */
export class HealthWarningResponse {
  /** `published_password`: accounts whose password is published in this repository (`params.accounts`); `admin_email_ignored`: ADMIN_EMAIL was not used because an admin existed (`params.adminEmail`, `params.reason`, `params.admins`) */
  @ApiProperty({ enum: WARNING_CODES, enumName: 'HealthWarningCode' })
  code: (typeof WARNING_CODES)[number];

  /** In English */
  message: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  params: Record<string, unknown>;
}

export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'error'], enumName: 'HealthStatus' })
  status: 'ok' | 'error';

  /** Each check, live workers and queue failure rates: for a signed-in admin only */
  @ApiPropertyOptional({ type: () => HealthChecksResponse })
  checks?: HealthChecksResponse;

  /** The newest backup (`npm run backup`), or null when none was made: for a signed-in admin only */
  @ApiPropertyOptional({ type: () => LastBackupResponse, nullable: true })
  lastBackup?: LastBackupResponse | null;

  /** What an admin should act on, found at start-up (published passwords, an ignored ADMIN_EMAIL): for a signed-in admin only */
  @ApiPropertyOptional({ type: () => HealthWarningResponse, isArray: true })
  warnings?: HealthWarningResponse[];
}
