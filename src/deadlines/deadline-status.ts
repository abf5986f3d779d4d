/** A deadline's life (DESIGN "Deadline"): open until done or cancelled; an open one whose time passes is missed. */
export const DEADLINE_STATUSES = ['open', 'done', 'missed', 'cancelled'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

export interface StatusFields {
  status: DeadlineStatus;
  dueAt: Date;
  completedAt: Date | null;
  completedBy: string | null;
}

/** The status fields after a change asked for by `userId` (`requested` absent: only the due time may have moved). */
export function nextStatus<T extends StatusFields>(
  d: T,
  requested: DeadlineStatus | undefined,
  userId: string,
  now: Date,
): StatusFields {
  const { status, completedAt, completedBy } = d;
  if (requested === 'done' && status !== 'done')
    return { status: 'done', dueAt: d.dueAt, completedAt: now, completedBy: userId };
  if (requested === 'cancelled') return { status: 'cancelled', dueAt: d.dueAt, completedAt: null, completedBy: null };
  if (requested === 'open')
    return { status: d.dueAt <= now ? 'missed' : 'open', dueAt: d.dueAt, completedAt: null, completedBy: null };
  // Moving a missed deadline into the future opens it again.
  if (requested === undefined && status === 'missed' && d.dueAt > now)
    return { status: 'open', dueAt: d.dueAt, completedAt, completedBy };
  return { status, dueAt: d.dueAt, completedAt, completedBy };
}

/** Whether an open deadline has passed and must be marked missed. */
export function isPastDue(d: { status: DeadlineStatus; dueAt: Date }, now: Date): boolean {
  return d.status === 'open' && d.dueAt <= now;
}
