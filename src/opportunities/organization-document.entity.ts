import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const DOCUMENT_KINDS = [
  'registration_certificate',
  'audited_accounts',
  'safeguarding_policy',
  'annual_report',
  'budget',
  'cv',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A paper an organisation hands in again and again (registration, audited accounts), with its expiry. */
@Entity('organization_documents')
export class OrganizationDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ type: 'varchar' })
  kind: DocumentKind;

  @Column()
  title: string;

  @Column({ type: 'varchar', nullable: true })
  url: string | null;

  @Column({ name: 'file_id', type: 'uuid', nullable: true })
  fileId: string | null;

  /** Last day the document is valid (date only). */
  @Column({ name: 'expires_on', type: 'date', nullable: true })
  expiresOn: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
