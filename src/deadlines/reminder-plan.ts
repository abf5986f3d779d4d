import type { DeadlineStatus } from './deadline-status.js';
import { fireTime } from './reminder-times.js';

export const REMINDER_STATUSES = ['scheduled', 'sent', 'skipped', 'cancelled', 'failed'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];
export const REMINDER_KINDS = ['before', 'overdue'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export interface ExistingReminder {
  id: string;
  kind: ReminderKind;
  offset: string | null;
  fireAt: Date;
  status: ReminderStatus;
  version: number;
}

export interface DeadlineTiming {
  dueAt: Date;
  timeZone: string;
  status: DeadlineStatus;
  reminderOffsets: string[];
  overdueReminder: boolean;
}

export interface ReminderChange {
  /** Absent: a new row. */
  id?: string;
  kind: ReminderKind;
  offset: string | null;
  fireAt: Date;
  status: ReminderStatus;
  version: number;
  /** The version whose queue job must be removed (the old one), if any. */
  removeJobVersion: number | null;
  /** Add a job for (id, version) after commit. */
  addJob: boolean;
}

const key = (kind: ReminderKind, offset: string | null) => `${kind}:${offset ?? ''}`;

/**
 * What the reminder rows of a deadline must become after it was created or changed
 * (DESIGN "How reminders work", steps 1–2). Pure: the caller writes the rows in the
 * deadline's transaction and touches the queue after commit.
 *
 * - one `before` reminder per offset, firing at dueAt − offset; one `overdue` at dueAt when asked for;
 * - an offset already in the past is `skipped`, never sent late;
 * - a move reschedules what has not been sent (a new version, so the old job does nothing), and re-arms what
 *   was sent for the old date when its new fire time is still ahead;
 * - a deadline done or cancelled cancels what is still scheduled; a sent reminder stays sent.
 */
export function planReminders(deadline: DeadlineTiming, existing: ExistingReminder[], now: Date): ReminderChange[] {
  const byKey = new Map(existing.map((r) => [key(r.kind, r.offset), r]));
  const wanted = new Map<string, { kind: ReminderKind; offset: string | null; fireAt: Date }>();
  for (const offset of deadline.reminderOffsets) {
    wanted.set(key('before', offset), {
      kind: 'before',
      offset,
      fireAt: fireTime(deadline.dueAt, offset, deadline.timeZone),
    });
  }
  if (deadline.overdueReminder)
    wanted.set(key('overdue', null), { kind: 'overdue', offset: null, fireAt: deadline.dueAt });

  const changes: ReminderChange[] = [];
  for (const [k, want] of wanted) {
    const old = byKey.get(k);
    const live = deadline.status === 'open' || (deadline.status === 'missed' && want.kind === 'overdue');
    let status: ReminderStatus;
    const moved = old !== undefined && old.fireAt.getTime() !== want.fireAt.getTime();
    if (old?.status === 'sent' || old?.status === 'failed') {
      // Fired for the old date: due again before the new one (a new version, so the ledger sends it once more,
      // once); a fire time that is already past, or a deadline no longer open, leaves the history as it was.
      if (!live || !moved || want.fireAt.getTime() <= now.getTime()) continue;
      changes.push({
        id: old.id,
        ...want,
        status: 'scheduled',
        version: old.version + 1,
        removeJobVersion: null,
        addJob: true,
      });
      continue;
    }
    if (!live) status = 'cancelled';
    else if (old?.status === 'scheduled' && !moved)
      continue; // unchanged and still owed, even if its time is now
    else status = want.fireAt.getTime() <= now.getTime() ? 'skipped' : 'scheduled';
    if (!old) {
      changes.push({ ...want, status, version: 1, removeJobVersion: null, addJob: status === 'scheduled' });
      continue;
    }
    if (!moved && old.status === status) continue;
    if (!live && old.status !== 'scheduled') continue; // nothing to cancel
    changes.push({
      id: old.id,
      ...want,
      status,
      version: old.version + 1,
      removeJobVersion: old.status === 'scheduled' ? old.version : null,
      addJob: status === 'scheduled',
    });
  }
  for (const [k, old] of byKey) {
    if (wanted.has(k) || old.status !== 'scheduled') continue;
    changes.push({
      ...old,
      status: 'cancelled',
      version: old.version + 1,
      removeJobVersion: old.version,
      addJob: false,
    });
  }
  return changes;
}

/** The queue job of one version of one reminder: moving the reminder makes a new id, so an old job cannot fire it. */
export function reminderJobId(reminderId: string, version: number): string {
  return `reminder-${reminderId}-v${version}`;
}
