import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PersonResponse } from './person.response.js';
import { SECTION_STATUSES, type SectionStatus } from './section.entity.js';

export class SectionResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  submissionId: string;

  position: number;

  title: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  assigneeId: string | null;

  @ApiProperty({ type: () => PersonResponse, nullable: true })
  assignee: PersonResponse | null;

  /** Markdown */
  body: string;

  @ApiProperty({ enum: SECTION_STATUSES, enumName: 'SectionStatus' })
  status: SectionStatus;

  /** Send it back when saving (body `version` or `If-Match`) */
  version: number;

  wordCount: number;

  /** Whether the caller may save this section's text and status (a coordinator, the lead's staff, or its assignee's organisation); absent in a 409's copy */
  @ApiPropertyOptional()
  canEditText?: boolean;

  @ApiProperty({ type: () => PersonResponse, nullable: true })
  updatedBy: PersonResponse | null;

  createdAt: Date;

  updatedAt: Date;
}

export class RevisionResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  sectionId: string;

  version: number;

  title: string;

  body: string;

  @ApiProperty({ enum: SECTION_STATUSES, enumName: 'SectionStatus' })
  status: SectionStatus;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  assigneeId: string | null;

  wordCount: number;

  @ApiProperty({ type: () => PersonResponse, nullable: true })
  author: PersonResponse | null;

  createdAt: Date;
}

export class RevisionSummaryResponse {
  version: number;

  title: string;

  @ApiProperty({ enum: SECTION_STATUSES, enumName: 'SectionStatus' })
  status: SectionStatus;

  @ApiProperty({ type: () => PersonResponse, nullable: true })
  author: PersonResponse | null;

  createdAt: Date;
}

export class WordChangeResponse {
  value: string;

  added: boolean;

  removed: boolean;
}

export class RevisionDiffResponse {
  @ApiProperty({ format: 'uuid' })
  sectionId: string;

  @ApiProperty({ type: () => RevisionSummaryResponse })
  from: RevisionSummaryResponse;

  @ApiProperty({ type: () => RevisionSummaryResponse })
  to: RevisionSummaryResponse;

  titleChanged: boolean;

  statusChanged: boolean;

  linesAdded: number;

  linesRemoved: number;

  wordsBefore: number;

  wordsAfter: number;

  /** A unified diff of the bodies */
  patch: string;

  /** The bodies word by word: unchanged, added or removed runs */
  @ApiProperty({ type: () => [WordChangeResponse] })
  changes: WordChangeResponse[];
}

/** Someone who has a section open in the editor. */
export class PresenceResponse {
  @ApiProperty({ type: () => PersonResponse })
  user: PersonResponse;

  /** When this presence lapses unless renewed */
  expiresAt: Date;
}
