import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { type AuthenticatedRequest, Public } from '../common/auth.decorators.js';
import { REDIS } from '../redis/redis.module.js';
import { WorkerHealth } from '../reminders/worker-health.js';
import { check, CHECK_TIMEOUT_MS, ServiceChecks } from './service-checks.js';
import { HealthResponse, QueueHealthResponse } from './health.response.js';
import { FirstAdminService } from '../users/first-admin.service.js';
import { PublishedPasswords } from '../users/published-passwords.service.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly workerHealth: WorkerHealth,
    private readonly services: ServiceChecks,
    private readonly firstAdmin: FirstAdminService,
    private readonly publishedPasswords: PublishedPasswords,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      'Up (200) or down (503: PostgreSQL or Redis unreachable); a signed-in admin also sees each check, live workers, queue failure rates and warnings found at start-up',
  })
  @ApiExtraModels(QueueHealthResponse)
  @ApiResponse({ status: 200, description: 'PostgreSQL and Redis answer', type: HealthResponse })
  @ApiResponse({ status: 503, description: 'PostgreSQL or Redis is down', type: HealthResponse })
  async health(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response) {
    let workers: Awaited<ReturnType<WorkerHealth['check']>> | null = null;
    const [postgres, redis] = await Promise.all([
      check(() => this.db.query('SELECT 1')),
      check(() => this.pingRedis()),
    ]);
    // Only ask BullMQ about workers when Redis answers: its connections queue commands while Redis is away.
    const workerCheck =
      redis.status === 'up'
        ? await check(async () => (workers = await this.workerHealth.check()))
        : { status: 'down', error: 'Redis is down' };
    const ok = postgres.status === 'up' && redis.status === 'up';
    res.status(ok ? 200 : 503);
    // Workers are reported, not required: an API-only replica is healthy while the workers run elsewhere.
    const workersReport = workers ?? { status: 'down' as const, error: workerCheck.error };
    const status = ok ? 'ok' : 'error';
    if (req.user?.role !== 'admin') return { status };
    const [email, telegram, lastBackup] = await Promise.all([
      this.services.email(),
      this.services.telegram(),
      this.services.lastBackup().catch(() => null),
    ]);
    // Found once at start-up (see each service), not per request.
    const warnings = [this.publishedPasswords.warning(), this.firstAdmin.warning()].filter((w) => w !== null);
    return { status, checks: { postgres, redis, workers: workersReport, email, telegram }, lastBackup, warnings };
  }

  /** A client still (re)connecting gets the check's time to become ready instead of failing at once. */
  private async pingRedis(): Promise<unknown> {
    const until = Date.now() + CHECK_TIMEOUT_MS;
    while (this.redis.status !== 'ready' && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    return this.redis.ping();
  }
}
