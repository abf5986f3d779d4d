import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { PARTNER_STATUSES, type PartnerStatus } from '../../shared/opportunity.workflow.js';

export { PARTNER_STATUSES, type PartnerStatus };

export const PARTNER_ROLES = ['lead', 'co_applicant', 'associate', 'subgrantee'] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

/** An organisation in an opportunity's consortium. */
@Entity('opportunity_partners')
export class Partner {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'opportunity_id', type: 'uuid' })
  opportunityId: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ type: 'varchar' })
  role: PartnerRole;

  @Column({ type: 'varchar', default: 'invited' })
  status: PartnerStatus;

  @Column({ name: 'budget_amount', type: 'numeric', precision: 14, scale: 2, nullable: true })
  budgetAmount: string | null;

  @Column({ name: 'budget_currency', type: 'char', length: 3, nullable: true })
  budgetCurrency: string | null;

  @Column({ name: 'confirmed_by', type: 'uuid', nullable: true })
  confirmedBy: string | null;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  /** Who hears about the call's deadlines for this organisation; empty: whoever confirmed its participation. */
  @Column({ name: 'contact_user_ids', type: 'uuid', array: true, default: () => "'{}'" })
  contactUserIds: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
