import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An organisation signing on to a submission; withdrawn ones stay as history. */
@Entity('submission_endorsements')
export class Endorsement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'submission_id', type: 'uuid' })
  submissionId: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  /** The name as it should appear in the list of signatories. */
  @Column({ name: 'display_name' })
  displayName: string;

  @Column({ name: 'endorsed_by_id', type: 'uuid', nullable: true })
  endorsedById: string | null;

  @Column({ name: 'endorsed_at', type: 'timestamptz' })
  endorsedAt: Date;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ name: 'withdrawn_by_id', type: 'uuid', nullable: true })
  withdrawnById: string | null;
}
