import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { type AuthenticatedRequest, Public } from '../auth/auth.decorators.js';
import { REDIS } from '../redis/redis.module.js';
import { WorkerHealth } from '../reminders/worker-health.js';
import { HealthResponse, QueueHealthResponse } from './health.response.js';

const CHECK_TIMEOUT_MS = 2000;

interface Check {
  status: 'up' | 'down';
  latencyMs?: number;
  error?: string;
}

async function check(probe: () => Promise<unknown>): Promise<Check> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS))),
    ]);
    return { status: 'up', latencyMs: Date.now() - started };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly workerHealth: WorkerHealth,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Up (200) or down (503: PostgreSQL or Redis unreachable); a signed-in admin also sees each check, live workers and queue failure rates',
  })
  @ApiExtraModels(QueueHealthResponse)
  @ApiResponse({ status: 200, description: 'PostgreSQL and Redis answer', type: HealthResponse })
  @ApiResponse({ status: 503, description: 'PostgreSQL or Redis is down', type: HealthResponse })
  async health(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response) {
    let workers: Awaited<ReturnType<WorkerHealth['check']>> | null = null;
    const [postgres, redis] = await Promise.all([check(() => this.db.query('SELECT 1')), check(() => this.pingRedis())]);
    // Only ask BullMQ about workers when Redis answers: its connections queue commands while Redis is away.
    const workerCheck = redis.status === 'up' ? await check(async () => (workers = await this.workerHealth.check())) : { status: 'down', error: 'Redis is down' };
    const ok = postgres.status === 'up' && redis.status === 'up';
    res.status(ok ? 200 : 503);
    // Workers are reported, not required: an API-only replica is healthy while the workers run elsewhere.
    const workersReport = workers ?? { status: 'down' as const, error: workerCheck.error };
    const status = ok ? 'ok' : 'error';
    if (req.user?.role !== 'admin') return { status };
    return { status, checks: { postgres, redis, workers: workersReport } };
  }

  /** A client still (re)connecting gets the check's time to become ready instead of failing at once. */
  private async pingRedis(): Promise<unknown> {
    const until = Date.now() + CHECK_TIMEOUT_MS;
    while (this.redis.status !== 'ready' && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    return this.redis.ping();
  }
}
