import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';

const STATUSES = ['up', 'down'] as const;

export class CheckResponse {
  @ApiProperty({ enum: STATUSES, enumName: 'CheckStatus' })
  status: 'up' | 'down';

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
}

export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'error'], enumName: 'HealthStatus' })
  status: 'ok' | 'error';

  /** Each check, live workers and queue failure rates: for a signed-in admin only */
  @ApiPropertyOptional({ type: () => HealthChecksResponse })
  checks?: HealthChecksResponse;
}
