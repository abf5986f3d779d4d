import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { hostname } from 'node:os';
import { AppConfig } from '../config/app-config.js';
import { MAINTENANCE_JOB_OPTIONS, QUEUES } from '../queue/queues.js';

export const RECONCILE_SCHEDULER = 'reconcile';
export const DIGEST_SCHEDULER = 'digests';
/** Digests are looked for this often; each user's goes out within this long after 08:00 their time. */
export const DIGEST_EVERY_MS = 5 * 60 * 1000;

/**
 * In every worker process: registers the repeatable reconcile and digest jobs with
 * upsertJobScheduler at boot, runs the reconciler once at start-up, and checks every
 * interval that the schedulers still exist (a flushed Redis loses them) to put them back.
 */
@Injectable()
export class MaintenanceScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MaintenanceScheduler.name);
  private watchdog: NodeJS.Timeout | null = null;

  constructor(
    @InjectQueue(QUEUES.remindersMaintenance) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.register();
    await this.queue.add(
      'reconcile',
      { reason: 'start-up' },
      { ...MAINTENANCE_JOB_OPTIONS, jobId: `reconcile-startup-${hostname()}-${process.pid}-${Date.now()}` },
    );
    this.watchdog = setInterval(() => {
      this.ensure().catch((error) =>
        this.logger.warn(`Could not check the reconcile scheduler: ${(error as Error).message}`),
      );
    }, this.config.reconcileIntervalSeconds * 1000);
    this.watchdog.unref();
  }

  onApplicationShutdown(): void {
    if (this.watchdog) clearInterval(this.watchdog);
  }

  private async register(): Promise<void> {
    await this.queue.upsertJobScheduler(
      RECONCILE_SCHEDULER,
      { every: this.config.reconcileIntervalSeconds * 1000 },
      { name: 'reconcile', opts: MAINTENANCE_JOB_OPTIONS },
    );
    await this.queue.upsertJobScheduler(
      DIGEST_SCHEDULER,
      { every: DIGEST_EVERY_MS },
      { name: 'digests', opts: MAINTENANCE_JOB_OPTIONS },
    );
  }

  private async ensure(): Promise<void> {
    const present = await this.queue.getJobScheduler(RECONCILE_SCHEDULER);
    if (present) return;
    this.logger.warn(
      'The reconcile job scheduler was missing from Redis (flushed or restarted without persistence); registering it again',
    );
    await this.register();
    await this.queue.add(
      'reconcile',
      { reason: 'scheduler restored' },
      { ...MAINTENANCE_JOB_OPTIONS, jobId: `reconcile-restore-${hostname()}-${process.pid}-${Date.now()}` },
    );
  }
}
