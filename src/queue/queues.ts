import type { DefaultJobOptions } from 'bullmq';

/** Every BullMQ queue of the app. */
export const QUEUES = {
  invitations: 'invitations',
} as const;

/** Job options in one place: retries with backoff, bounded retention. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};
