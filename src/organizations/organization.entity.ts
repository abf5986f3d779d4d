import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ORGANIZATION_KINDS = ['cso', 'un_agency', 'government', 'funder', 'network', 'other'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const MEMBERSHIP_STATUSES = ['active', 'observer', 'former'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

export interface OrganizationContact {
  name: string;
  email?: string;
  phone?: string;
  role?: string;
}

@Entity('organizations')
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column()
  name: string;

  @Column({ type: 'varchar', nullable: true })
  acronym: string | null;

  @Column({ type: 'varchar' })
  kind: OrganizationKind;

  @Column({ type: 'char', length: 2, nullable: true })
  country: string | null;

  @Column({ type: 'varchar', nullable: true })
  website: string | null;

  @Column({ name: 'is_member', default: false })
  isMember: boolean;

  @Column({ name: 'member_since', type: 'date', nullable: true })
  memberSince: string | null;

  @Column({ name: 'membership_status', type: 'varchar', nullable: true })
  membershipStatus: MembershipStatus | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  contacts: OrganizationContact[];

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
