import { ApiProperty } from '@nestjs/swagger';
import { CHECKLIST_STATUSES, type ChecklistStatus } from './checklist-item.entity.js';
import { DOCUMENT_KINDS, type DocumentKind } from './organization-document.entity.js';

export class ChecklistFileResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  name: string;

  contentType: string;

  sizeBytes: number;

  uploadedAt: Date;
}

/** The organisation document a checklist item points at. */
export class ChecklistDocumentResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  title: string;

  @ApiProperty({ enum: DOCUMENT_KINDS, enumName: 'DocumentKind' })
  kind: DocumentKind;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  expiresOn: string | null;

  expired: boolean;

  hasFile: boolean;

  url: string | null;
}

/** A document or task owed for an application, by one partner or by the consortium. */
export class ChecklistItemResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  opportunityId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  partnerId: string | null;

  title: string;

  required: boolean;

  @ApiProperty({ enum: CHECKLIST_STATUSES, enumName: 'ChecklistStatus' })
  status: ChecklistStatus;

  url: string | null;

  /** Why a coordinator waived it; null unless waived */
  waiveReason: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  fileId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  documentId: string | null;

  position: number;

  createdAt: Date;

  updatedAt: Date;

  @ApiProperty({ type: () => ChecklistFileResponse, nullable: true })
  file: ChecklistFileResponse | null;

  @ApiProperty({ type: () => ChecklistDocumentResponse, nullable: true })
  document: ChecklistDocumentResponse | null;

  /** Where to download its file (its own or its document's), or null */
  downloadPath: string | null;

  canEdit: boolean;
}
