import { ApiProperty } from '@nestjs/swagger';
import { DOCUMENT_KINDS, type DocumentKind } from './organization-document.entity.js';

export class DocumentFileResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  /** The file name as uploaded */
  name: string;

  contentType: string;

  sizeBytes: number;
}

/** A paper an organisation hands in again and again (registration, audited accounts), with its expiry. */
export class OrganizationDocumentResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  @ApiProperty({ enum: DOCUMENT_KINDS, enumName: 'DocumentKind' })
  kind: DocumentKind;

  title: string;

  url: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  fileId: string | null;

  /** Last day the document is valid (YYYY-MM-DD) */
  @ApiProperty({ type: String, format: 'date', nullable: true })
  expiresOn: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  createdBy: string | null;

  createdAt: Date;

  updatedAt: Date;

  /** Past its expiry date */
  expired: boolean;

  @ApiProperty({ type: () => DocumentFileResponse, nullable: true })
  file: DocumentFileResponse | null;
}
