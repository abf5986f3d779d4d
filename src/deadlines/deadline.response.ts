import { ApiProperty } from '@nestjs/swagger';
import { DEADLINE_STATUSES, type DeadlineStatus } from './deadline-status.js';
import { REMINDER_KINDS, REMINDER_STATUSES, type ReminderKind, type ReminderStatus } from './reminder-plan.js';
import { DEADLINE_SUBJECT_TYPES, type DeadlineSubjectType } from './deadline.entity.js';
import { DEADLINE_KINDS, type DeadlineKind } from './reminder-times.js';

const ZONE_LABELS = ['deadline', 'you', 'phnomPenh'] as const;

/** The due time in one zone. */
export class ZonedTimeResponse {
  /** `deadline`: the zone it was set in; `you`: the reader's; `phnomPenh`: the network's */
  @ApiProperty({ enum: ZONE_LABELS, enumName: 'ZoneLabel' })
  label: (typeof ZONE_LABELS)[number];

  /** IANA time zone */
  zone: string;

  /** ISO 8601 with the zone's offset, e.g. 2026-03-01T17:00:00+01:00 */
  local: string;

  /** For people, e.g. "Sun 1 Mar 2026, 17:00 GMT+1 (Europe/Geneva)" */
  text: string;
}

/** The record a deadline belongs to, as the reader may see it. */
export class DeadlineSubjectResponse {
  /** e.g. the opportunity's title, or "Legal Aid of Cambodia on EU call" for a partner */
  title: string;

  /** The web app's page of the record, e.g. /opportunities/… */
  path: string;
}

/** A deadline with its due time in its zone, the reader's and Phnom Penh's. */
export class DeadlineResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: DEADLINE_SUBJECT_TYPES, enumName: 'DeadlineSubjectType' })
  subjectType: DeadlineSubjectType;

  @ApiProperty({ format: 'uuid' })
  subjectId: string;

  /** Null when the reader may not see the record (or it is gone) */
  @ApiProperty({ type: () => DeadlineSubjectResponse, nullable: true })
  subject: DeadlineSubjectResponse | null;

  title: string;

  description: string | null;

  @ApiProperty({ enum: DEADLINE_KINDS, enumName: 'DeadlineKind' })
  kind: DeadlineKind;

  @ApiProperty({ type: String, format: 'date-time' })
  dueAt: string;

  /** Set for a date-only deadline (the end of that day in `timeZone`), YYYY-MM-DD */
  @ApiProperty({ type: String, format: 'date', nullable: true })
  dueDate: string | null;

  /** The IANA zone it was set in */
  timeZone: string;

  dateOnly: boolean;

  @ApiProperty({ type: () => [ZonedTimeResponse] })
  display: ZonedTimeResponse[];

  @ApiProperty({ enum: DEADLINE_STATUSES, enumName: 'DeadlineStatus' })
  status: DeadlineStatus;

  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  assigneeIds: string[];

  /** ISO 8601 durations before `dueAt`, e.g. P14D, PT2H */
  @ApiProperty({ type: String, isArray: true, example: ['P7D', 'P1D'] })
  reminderOffsets: string[];

  overdueReminder: boolean;

  /** The deadline a template step was counted back from */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  parentId: string | null;

  /** The template that added it, e.g. grant-application */
  templateId: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  completedBy: string | null;

  version: number;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;
}

export class ReminderResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: REMINDER_KINDS, enumName: 'ReminderKind' })
  kind: ReminderKind;

  /** The ISO 8601 duration before the deadline; null for the overdue reminder */
  offset: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  fireAt: string;

  @ApiProperty({ enum: REMINDER_STATUSES, enumName: 'ReminderStatus' })
  status: ReminderStatus;

  version: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  firedAt: string | null;

  lastError: string | null;

  /** Deliveries counted by `channel.status`, e.g. `{"email.sent": 2, "inApp.sent": 3}` */
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { 'email.sent': 2, 'inApp.sent': 3 },
  })
  deliveries: Record<string, number>;
}

export class TemplateStepResponse {
  title: string;

  /** How long before the anchor deadline (ISO 8601) */
  before: string;

  @ApiProperty({ enum: DEADLINE_KINDS, enumName: 'DeadlineKind' })
  kind: DeadlineKind;
}

export class DeadlineTemplateResponse {
  /** e.g. grant-application */
  id: string;

  name: string;

  /** What the deadline the steps are counted back from stands for */
  anchor: string;

  description: string;

  @ApiProperty({ type: () => [TemplateStepResponse] })
  steps: TemplateStepResponse[];
}

export class AssessmentRoundResponse {
  @ApiProperty({
    type: [DeadlineResponse],
    description: 'One deadline per organisation asked, assigned to its members',
  })
  deadlines: DeadlineResponse[];
}
