import { describe, expect, it } from '@jest/globals';
import { resolveDueAt } from './reminder-times.js';
import { type DeadlineTiming, type ExistingReminder, planReminders, reminderJobId } from './reminder-plan.js';

const now = new Date('2026-02-10T00:00:00Z');
const deadline = (over: Partial<DeadlineTiming> = {}): DeadlineTiming => ({
  dueAt: resolveDueAt({ dueAt: '2026-03-01T17:00', timeZone: 'Europe/Geneva' }),
  timeZone: 'Europe/Zurich',
  status: 'open',
  reminderOffsets: ['P14D', 'P7D', 'P2D', 'P1D'],
  overdueReminder: false,
  ...over,
});
const asRows = (changes: ReturnType<typeof planReminders>): ExistingReminder[] =>
  changes.map((c, i) => ({
    id: c.id ?? `r${i}`,
    kind: c.kind,
    offset: c.offset,
    fireAt: c.fireAt,
    status: c.status,
    version: c.version,
  }));

describe('planReminders', () => {
  it('creates one scheduled reminder per offset and skips offsets already past', () => {
    const changes = planReminders(deadline(), [], new Date('2026-02-20T00:00:00Z'));
    expect(changes.map((c) => [c.offset, c.status, c.addJob])).toEqual([
      ['P14D', 'skipped', false], // 15 Feb, already past
      ['P7D', 'scheduled', true],
      ['P2D', 'scheduled', true],
      ['P1D', 'scheduled', true],
    ]);
    expect(changes[1].fireAt.toISOString()).toBe('2026-02-22T16:00:00.000Z');
  });

  it('adds an overdue reminder at the due time when asked', () => {
    const changes = planReminders(deadline({ overdueReminder: true, reminderOffsets: [] }), [], now);
    expect(changes).toEqual([
      expect.objectContaining({ kind: 'overdue', offset: null, status: 'scheduled', version: 1 }),
    ]);
    expect(changes[0].fireAt).toEqual(deadline().dueAt);
  });

  it('moving the deadline gives every reminder a new version and fire time, re-arming one already sent', () => {
    const rows = asRows(planReminders(deadline(), [], now));
    rows[0].status = 'sent';
    const moved = planReminders(
      deadline({ dueAt: resolveDueAt({ dueAt: '2026-03-08T17:00', timeZone: 'Europe/Geneva' }) }),
      rows,
      now,
    );
    expect(moved.map((c) => [c.offset, c.status, c.version, c.removeJobVersion, c.addJob])).toEqual([
      ['P14D', 'scheduled', 2, null, true], // sent for 1 March: due again 14 days before 8 March
      ['P7D', 'scheduled', 2, 1, true],
      ['P2D', 'scheduled', 2, 1, true],
      ['P1D', 'scheduled', 2, 1, true],
    ]);
    expect(moved[0].fireAt.toISOString()).toBe('2026-02-22T16:00:00.000Z');
  });

  it('a sent reminder stays sent when its new time is already past, or when the deadline is no longer open', () => {
    const rows = asRows(planReminders(deadline(), [], now));
    rows[0].status = 'sent';
    const later = new Date('2026-02-21T00:00:00Z'); // after 15 and 20 February
    const movedSlightly = deadline({ dueAt: resolveDueAt({ dueAt: '2026-03-06T17:00', timeZone: 'Europe/Geneva' }) });
    expect(planReminders(movedSlightly, rows, later).find((c) => c.offset === 'P14D')).toBeUndefined();
    const done = deadline({
      status: 'done',
      dueAt: resolveDueAt({ dueAt: '2026-03-08T17:00', timeZone: 'Europe/Geneva' }),
    });
    expect(planReminders(done, rows, now).find((c) => c.offset === 'P14D')).toBeUndefined();
  });

  it('an unchanged deadline changes nothing', () => {
    const rows = asRows(planReminders(deadline(), [], now));
    expect(planReminders(deadline(), rows, now)).toEqual([]);
  });

  it('done or cancelled cancels what is scheduled, and a re-opened deadline schedules again', () => {
    const rows = asRows(planReminders(deadline(), [], now));
    const done = planReminders(deadline({ status: 'done' }), rows, now);
    expect(done.every((c) => c.status === 'cancelled' && c.removeJobVersion === 1 && !c.addJob)).toBe(true);
    const reopened = planReminders(deadline(), asRows(done), now);
    expect(reopened.every((c) => c.status === 'scheduled' && c.version === 3 && c.addJob)).toBe(true);
  });

  it('a removed offset is cancelled; a new one is created', () => {
    const rows = asRows(planReminders(deadline(), [], now));
    const changes = planReminders(deadline({ reminderOffsets: ['P14D', 'P7D', 'P2D', 'PT2H'] }), rows, now);
    expect(changes.map((c) => [c.offset, c.status])).toEqual([
      ['PT2H', 'scheduled'],
      ['P1D', 'cancelled'],
    ]);
  });

  it('moving into the past skips instead of sending late', () => {
    const rows = asRows(planReminders(deadline(), [], now));
    const changes = planReminders(deadline({ dueAt: new Date('2026-02-11T00:00:00Z') }), rows, now);
    expect(changes.map((c) => [c.offset, c.status])).toEqual([
      ['P14D', 'skipped'],
      ['P7D', 'skipped'],
      ['P2D', 'skipped'],
      ['P1D', 'skipped'],
    ]);
  });

  it('a missed deadline keeps its overdue reminder but not the ones before', () => {
    const rows = asRows(planReminders(deadline({ overdueReminder: true }), [], now));
    const changes = planReminders(deadline({ overdueReminder: true, status: 'missed' }), rows, now);
    expect(changes.map((c) => [c.kind, c.status])).toEqual([
      ['before', 'cancelled'],
      ['before', 'cancelled'],
      ['before', 'cancelled'],
      ['before', 'cancelled'],
    ]);
  });

  it('a deadline that passes keeps its due overdue reminder owed (the reconciler marks it missed; the reminder still goes out)', () => {
    const timing = deadline({ overdueReminder: true, reminderOffsets: ['P1D'] });
    const rows = asRows(planReminders(timing, [], now));
    const afterDue = new Date(timing.dueAt.getTime() + 60_000);
    const changes = planReminders({ ...timing, status: 'missed' }, rows, afterDue);
    expect(changes.map((c) => [c.kind, c.status])).toEqual([['before', 'cancelled']]);
  });

  it('job ids carry the version', () => {
    expect(reminderJobId('abc', 2)).toBe('reminder-abc-v2');
  });
});
