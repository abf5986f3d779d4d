import type { ActivityParams } from '../../shared/activity-actions.js';
import type { Deadline } from './deadline.entity.js';

/** A change of a deadline as a reader's sentence needs it: its title, what changed, and where it now falls. */
export function deadlineChangeParams(d: Deadline, changes: Record<string, unknown>): ActivityParams {
  return {
    title: d.title,
    fields: Object.keys(changes),
    dueAt: d.dueAt.toISOString(),
    dueDate: d.dueDate,
    timeZone: d.timeZone,
  };
}
