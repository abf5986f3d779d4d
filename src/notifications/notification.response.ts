import { ApiProperty } from '@nestjs/swagger';

/** An entry of the in-app inbox. */
export class NotificationResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  userId: string;

  /** e.g. deadline.reminder, deadline.overdue, mention, partner.invited */
  kind: string;

  /** In English or the recipient's language when it was written (for API clients); see `params` */
  title: string;

  body: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description:
      'What the title and body in any language need, as it was when written: ids, titles and names (`deadline`, ' +
      '`subject`, `section`, `actor`, `organization`, `opportunity`), values (`deadlineKind`, `subjectType`, `role`), ' +
      "the deadline's `dueAt` (instant), `dueDate` and `timeZone`, and the reminder `offset` (ISO 8601 duration). " +
      'Null on old rows whose parameters could not be read back: show `title` and `body`.',
    example: {
      deadlineId: '7d1f0c9e-2b4a-4c55-9a53-0f7c1f3e2a10',
      deadline: 'Concept note to UNICEF',
      deadlineKind: 'external',
      dueAt: '2027-03-01T16:59:00.000Z',
      dueDate: null,
      timeZone: 'Europe/Geneva',
      offset: 'P7D',
      subjectType: 'opportunity',
      subject: 'UNICEF child justice grant',
    },
  })
  params: Record<string, unknown> | null;

  subjectType: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  subjectId: string | null;

  /** The page of the record in the web app */
  url: string | null;

  readAt: Date | null;

  createdAt: Date;
}

export class NotificationPageResponse {
  @ApiProperty({ type: () => [NotificationResponse] })
  items: NotificationResponse[];

  total: number;

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;

  /** How many of yours are unread, in all */
  unread: number;
}

export class MarkedReadResponse {
  /** How many were marked read */
  updated: number;
}
