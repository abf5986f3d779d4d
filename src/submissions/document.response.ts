import { ApiProperty } from '@nestjs/swagger';
import { PersonResponse } from './person.response.js';
import { SUBMISSION_KINDS } from './submission.entity.js';
import { SNAPSHOT_KINDS, type SnapshotKind } from './snapshot.entity.js';

export class AssembledSectionResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  title: string;

  /** Markdown */
  body: string;

  version: number;
}

export class SignatoryResponse {
  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  displayName: string;

  @ApiProperty({ type: String, format: 'date-time' })
  endorsedAt: string;
}

/** The assembled text of a submission: title, sections in order, signatories. */
export class AssembledDocumentResponse {
  title: string;

  targetBody: string;

  @ApiProperty({ enum: SUBMISSION_KINDS, enumName: 'SubmissionKind' })
  kind: string;

  language: string;

  sessionReference: string | null;

  @ApiProperty({ type: () => [AssembledSectionResponse] })
  sections: AssembledSectionResponse[];

  @ApiProperty({ type: () => [SignatoryResponse] })
  signatories: SignatoryResponse[];
}

export class DocumentResponse {
  @ApiProperty({ type: () => AssembledDocumentResponse })
  document: AssembledDocumentResponse;

  markdown: string;

  /** Set when this is the frozen final text */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  finalSnapshotId: string | null;
}

export class SnapshotResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  submissionId: string;

  name: string;

  @ApiProperty({ enum: SNAPSHOT_KINDS, enumName: 'SnapshotKind' })
  kind: SnapshotKind;

  wordCount: number;

  @ApiProperty({ type: () => PersonResponse, nullable: true })
  createdBy: PersonResponse | null;

  createdAt: Date;
}

export class SnapshotDetailResponse extends SnapshotResponse {
  markdown: string;

  @ApiProperty({ type: () => AssembledDocumentResponse })
  content: AssembledDocumentResponse;
}
