import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QUEUES } from '../queue/queues.js';

export interface QueueHealth {
  liveWorkers: number;
  waiting: number;
  delayed: number;
  active: number;
  completed: number;
  failed: number;
  /** failed / (completed + failed) among the jobs BullMQ still keeps (retention window) */
  failureRate: number;
}

/** Live workers (BullMQ worker connections seen by Redis) and failure rates of the reminder queues. */
@Injectable()
export class WorkerHealth {
  constructor(
    @InjectQueue(QUEUES.reminders) private readonly reminders: Queue,
    @InjectQueue(QUEUES.deliveries) private readonly deliveries: Queue,
    @InjectQueue(QUEUES.remindersMaintenance) private readonly maintenance: Queue,
  ) {}

  async check(): Promise<{ status: 'up' | 'down'; liveWorkers: number; queues: Record<string, QueueHealth> }> {
    const entries = await Promise.all(
      [this.reminders, this.deliveries, this.maintenance].map(async (q) => [q.name, await this.queue(q)] as const),
    );
    const queues = Object.fromEntries(entries);
    const liveWorkers = Math.min(...entries.map(([, h]) => h.liveWorkers));
    return { status: liveWorkers > 0 ? 'up' : 'down', liveWorkers, queues };
  }

  private async queue(q: Queue): Promise<QueueHealth> {
    const [workers, counts] = await Promise.all([
      q.getWorkers(),
      q.getJobCounts('waiting', 'delayed', 'active', 'completed', 'failed'),
    ]);
    const finished = (counts.completed ?? 0) + (counts.failed ?? 0);
    return {
      liveWorkers: workers.length,
      waiting: counts.waiting ?? 0,
      delayed: counts.delayed ?? 0,
      active: counts.active ?? 0,
      completed: counts.completed ?? 0,
      failed: counts.failed ?? 0,
      failureRate: finished ? Math.round(((counts.failed ?? 0) / finished) * 1000) / 1000 : 0,
    };
  }
}
