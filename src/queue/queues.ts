import type { DefaultJobOptions, JobsOptions } from 'bullmq';

/** Every BullMQ queue of the app. */
export const QUEUES = {
  invitations: 'invitations',
  /** One job per password-reset request of a known, active account: sends the e-mail. */
  passwordResets: 'password-resets',
  /** One job per reminder version, delayed to its fire time. */
  reminders: 'reminders',
  /** One job per delivery (reminder × recipient × channel), delayed past quiet hours. */
  deliveries: 'deliveries',
  /** Repeatable housekeeping: the reconciler and the digests. */
  remindersMaintenance: 'reminders-maintenance',
} as const;

/** Job options in one place: retries with backoff, bounded retention. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/**
 * A reminder's job is due this long before the reminder's time: the queue wakes a delayed job a few
 * milliseconds late, so the firing reads and plans first, then waits for the instant itself.
 */
export const REMINDER_PREWAKE_MS = 50;

/** Firing a reminder only writes delivery rows; retried quickly, the reconciler catches the rest. */
export const REMINDER_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 3 * 24 * 3600, count: 50_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/**
 * Sending: an SMTP or Telegram outage is retried for about half an hour (2 s, 4 s, 8 s … 17 min);
 * a permanent refusal (blocked chat, no address) is discarded without retry.
 */
export const DELIVERY_JOB_OPTIONS: JobsOptions = {
  attempts: 11,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 3 * 24 * 3600, count: 50_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/** Housekeeping runs again on its schedule; no retries, little history. */
export const MAINTENANCE_JOB_OPTIONS: JobsOptions = {
  attempts: 1,
  removeOnComplete: { count: 100 },
  removeOnFail: { count: 500 },
};

/** A delivery left in `sending` longer than this (a worker died mid-send) is sent again by the reconciler. */
export const SENDING_TIMEOUT_MS = 2 * 60 * 1000;
