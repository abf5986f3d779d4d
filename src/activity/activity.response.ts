import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../common/openapi.js';

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

  /** The event in English, as written when it happened (for logs and API clients) */
  summary: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description:
      'What a sentence in any language needs, as it was when it happened: names and titles (`title`, `opportunity`, ' +
      '`submission`, `organization`, `name`, `actor`), values (`from`, `to`, `status`, `role`, `kind`), the changed ' +
      'fields (`fields`), counts (`count`, `version`), instants (`dueAt`) and dates (`dueDate`). ' +
      'Null on old rows whose parameters were not recorded: show `summary`.',
    example: { title: 'Concept note for UNICEF', from: 'screening', to: 'preparing' },
  })
  params: Record<string, unknown> | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'What changed, by field (often `[before, after]`)',
  })
  changes: Record<string, unknown> | null;

  createdAt: Date;
}

/** A page of activity; `total` is left out where the request asked for `count=false` (recent activity). */
export const ActivityPageResponse = PageOf(ActivityResponse, { totalOptional: true });
