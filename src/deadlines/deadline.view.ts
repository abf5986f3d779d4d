import type { Deadline } from './deadline.entity.js';
import { displayTimes } from './reminder-times.js';

/** The record a deadline belongs to, as a reader sees it: its title and its page in the web app. */
export interface DeadlineSubject {
  title: string;
  path: string;
}

/** A deadline as the API shows it, with its due time in its zone, the reader's and Phnom Penh's. */
export function deadlineView(d: Deadline, assigneeIds: string[], readerZone: string, subject: DeadlineSubject | null) {
  return {
    id: d.id,
    subjectType: d.subjectType,
    subjectId: d.subjectId,
    subject,
    title: d.title,
    description: d.description,
    kind: d.kind,
    dueAt: d.dueAt.toISOString(),
    dueDate: d.dueDate,
    timeZone: d.timeZone,
    dateOnly: d.dueDate !== null,
    display: displayTimes(d.dueAt, d.timeZone, readerZone),
    status: d.status,
    assigneeIds,
    reminderOffsets: d.reminderOffsets,
    overdueReminder: d.overdueReminder,
    parentId: d.parentId,
    templateId: d.templateId,
    completedAt: d.completedAt?.toISOString() ?? null,
    completedBy: d.completedBy,
    version: d.version,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

export type DeadlineView = ReturnType<typeof deadlineView>;
