import { isoToZoned } from '../opportunities/zoned-time';
import type { CreateDeadlineBody, DeadlineResponse } from './deadline-form-hooks';

/** The reminder offsets offered as checkboxes (ISO 8601 durations before the deadline). */
export const COMMON_OFFSETS = ['P14D', 'P7D', 'P2D', 'P1D', 'PT2H'] as const;

export interface DeadlineDraft {
  title: string;
  kind: 'external' | 'internal';
  dateOnly: boolean;
  /** `YYYY-MM-DD` */
  date: string;
  /** `HH:mm` */
  time: string;
  timeZone: string;
  reminderOffsets: string[];
  overdueReminder: boolean;
  assigneeIds: string[];
}

export const emptyDraft = (timeZone: string): DeadlineDraft => ({
  title: '',
  kind: 'external',
  dateOnly: true,
  date: '',
  time: '17:00',
  timeZone,
  reminderOffsets: ['P14D', 'P7D', 'P1D'],
  overdueReminder: false,
  assigneeIds: [],
});

export function draftOf(d: DeadlineResponse): DeadlineDraft {
  const local = isoToZoned(d.dueAt, d.timeZone);
  return {
    title: d.title,
    kind: d.kind,
    dateOnly: d.dateOnly,
    date: d.dueDate ?? local.slice(0, 10),
    time: d.dateOnly ? '17:00' : local.slice(11, 16),
    timeZone: d.timeZone,
    reminderOffsets: d.reminderOffsets,
    overdueReminder: d.overdueReminder,
    assigneeIds: d.assigneeIds,
  };
}

/** The fields the API takes: a whole day as `dueDate`, else a local `dueAt` read in `timeZone`. */
export function bodyOf(draft: DeadlineDraft): Omit<CreateDeadlineBody, 'subjectType' | 'subjectId'> {
  return {
    title: draft.title.trim(),
    kind: draft.kind,
    ...(draft.dateOnly ? { dueDate: draft.date } : { dueAt: `${draft.date}T${draft.time}` }),
    timeZone: draft.timeZone,
    reminderOffsets: draft.reminderOffsets,
    overdueReminder: draft.overdueReminder,
    assigneeIds: draft.assigneeIds,
  };
}
