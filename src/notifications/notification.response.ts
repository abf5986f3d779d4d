import { ApiProperty } from '@nestjs/swagger';

/** An entry of the in-app inbox. */
export class NotificationResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  userId: string;

  /** e.g. deadline.reminder, deadline.overdue, mention, partner.invited */
  kind: string;

  title: string;

  body: string;

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
