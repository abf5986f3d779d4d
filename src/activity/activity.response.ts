import { ApiProperty } from '@nestjs/swagger';

/** One append-only record of who did what to which record, when. */
export class ActivityResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  /** Null when the system acted (a reconciler, a reminder) */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  actorId: string | null;

  /** e.g. opportunity.created, deadline.updated */
  action: string;

  /** e.g. opportunity, partner, checklistItem, submission, section, deadline */
  subjectType: string;

  @ApiProperty({ format: 'uuid' })
  subjectId: string;

  summary: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'What changed, by field (often `[before, after]`)',
  })
  changes: Record<string, unknown> | null;

  createdAt: Date;
}
