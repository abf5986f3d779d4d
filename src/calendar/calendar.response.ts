import { ApiProperty } from '@nestjs/swagger';

const SCOPE_TYPES = ['all', 'opportunity', 'submission'] as const;

export class FeedScopeResponse {
  /** `all`: every deadline you can see; else one record's */
  @ApiProperty({ enum: SCOPE_TYPES, enumName: 'FeedScope' })
  subjectType: (typeof SCOPE_TYPES)[number];

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  subjectId: string | null;
}

/** A secret calendar feed URL: whoever has it reads the feed. */
export class CalendarFeedResponse {
  /** https URL of the .ics feed */
  url: string;

  /** The same feed as webcal:, which calendar apps open directly */
  webcalUrl: string;

  @ApiProperty({ type: () => FeedScopeResponse })
  scope: FeedScopeResponse;
}
