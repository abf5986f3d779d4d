import { hashPassword } from '../users/passwords.js';
import { Organization, type OrganizationKind } from '../organizations/organization.entity.js';
import { DEFAULT_NOTIFICATION_PREFERENCES, type Role, User } from '../users/user.entity.js';
import { DEMO_PASSWORD, type SeedContext } from './seed-context.js';

type OrgSeed = Pick<Organization, 'name' | 'acronym' | 'country' | 'website' | 'isMember' | 'memberSince'> & {
  kind: OrganizationKind;
};

/** Demo organisations shaped like the Child Justice Network: member CSOs, UN agencies, funders. */
const ORGANIZATIONS: OrgSeed[] = [
  {
    name: 'Child Justice Network',
    acronym: 'CJN',
    kind: 'network',
    country: 'KH',
    website: null,
    isMember: true,
    memberSince: '2021-07-01',
  },
  {
    name: 'Child Rights Coalition Cambodia',
    acronym: 'CRC-Cambodia',
    kind: 'cso',
    country: 'KH',
    website: null,
    isMember: true,
    memberSince: '2021-07-01',
  },
  {
    name: 'Legal Aid of Cambodia',
    acronym: 'LAC',
    kind: 'cso',
    country: 'KH',
    website: null,
    isMember: true,
    memberSince: '2021-07-01',
  },
  {
    name: 'This Life Cambodia',
    acronym: 'TLC',
    kind: 'cso',
    country: 'KH',
    website: null,
    isMember: true,
    memberSince: '2021-09-15',
  },
  {
    name: 'Friends-International',
    acronym: 'FI',
    kind: 'cso',
    country: 'KH',
    website: null,
    isMember: true,
    memberSince: '2021-07-01',
  },
  {
    name: 'Terre des hommes Netherlands Cambodia',
    acronym: 'TdH-NL',
    kind: 'cso',
    country: 'KH',
    website: null,
    isMember: true,
    memberSince: '2022-01-10',
  },
  {
    name: 'Cambodian Center for Child Protection',
    acronym: 'CCCP',
    kind: 'cso',
    country: 'KH',
    website: null,
    isMember: true,
    memberSince: '2022-03-01',
  },
  {
    name: 'Youth Rehabilitation and Reintegration Organisation',
    acronym: 'YRRO',
    kind: 'cso',
    country: 'KH',
    website: null,
    isMember: true,
    memberSince: '2022-06-01',
  },
  {
    name: 'UNICEF Cambodia',
    acronym: 'UNICEF',
    kind: 'un_agency',
    country: 'KH',
    website: null,
    isMember: true,
    memberSince: '2021-07-01',
  },
  {
    name: 'OHCHR Cambodia',
    acronym: 'OHCHR',
    kind: 'un_agency',
    country: 'KH',
    website: null,
    isMember: true,
    memberSince: '2021-07-01',
  },
  {
    name: 'UNODC Southeast Asia and the Pacific',
    acronym: 'UNODC',
    kind: 'un_agency',
    country: 'TH',
    website: null,
    isMember: true,
    memberSince: '2022-02-01',
  },
  {
    name: 'Child Rights Connect',
    acronym: 'CRConnect',
    kind: 'network',
    country: 'CH',
    website: null,
    isMember: false,
    memberSince: null,
  },
  {
    name: 'European Union Delegation to Cambodia',
    acronym: 'EU',
    kind: 'funder',
    country: 'KH',
    website: null,
    isMember: false,
    memberSince: null,
  },
  {
    name: 'Global Fund for Children',
    acronym: 'GFC',
    kind: 'funder',
    country: 'US',
    website: null,
    isMember: false,
    memberSince: null,
  },
  {
    name: 'Oak Foundation',
    acronym: 'OAK',
    kind: 'funder',
    country: 'CH',
    website: null,
    isMember: false,
    memberSince: null,
  },
  {
    name: 'UN Committee on the Rights of the Child',
    acronym: 'CRC-Committee',
    kind: 'other',
    country: 'CH',
    website: null,
    isMember: false,
    memberSince: null,
  },
  {
    name: 'Organisation for Economic Co-operation and Development',
    acronym: 'OECD',
    kind: 'other',
    country: 'FR',
    website: null,
    isMember: false,
    memberSince: null,
  },
];

const USERS: {
  key: string;
  email: string;
  name: string;
  role: Role;
  org: string;
  timeZone?: string;
  /** A partner who reads the tracker in Khmer. */
  language?: 'km';
}[] = [
  { key: 'admin', email: 'admin@cjn.example', name: 'Network Administrator', role: 'admin', org: 'CJN' },
  { key: 'coordinator', email: 'coordinator@cjn.example', name: 'Sophea Lim', role: 'coordinator', org: 'CJN' },
  {
    key: 'coCoordinator',
    email: 'michael@crc-cambodia.example',
    name: 'Ha Ryong Jung',
    role: 'coordinator',
    org: 'CRC-Cambodia',
  },
  { key: 'crcMember', email: 'yan.lay@crc-cambodia.example', name: 'Yan Lay', role: 'member', org: 'CRC-Cambodia' },
  { key: 'lacMember', email: 'dara@lac.example', name: 'Dara Sok', role: 'member', org: 'LAC', language: 'km' },
  { key: 'tlcMember', email: 'sreymom@tlc.example', name: 'Sreymom Chan', role: 'member', org: 'TLC' },
  { key: 'fiMember', email: 'vannak@fi.example', name: 'Vannak Heng', role: 'member', org: 'FI' },
  { key: 'tdhMember', email: 'bopha@tdh-nl.example', name: 'Bopha Kim', role: 'member', org: 'TdH-NL' },
  {
    key: 'unicefMember',
    email: 'officer@unicef-kh.example',
    name: 'Child Protection Officer',
    role: 'member',
    org: 'UNICEF',
  },
  {
    key: 'ohchrMember',
    email: 'officer@ohchr-kh.example',
    name: 'Human Rights Officer',
    role: 'member',
    org: 'OHCHR',
    timeZone: 'Asia/Phnom_Penh',
  },
  {
    key: 'genevaMember',
    email: 'fanny@crconnect.example',
    name: 'Reporting Support Officer',
    role: 'member',
    org: 'CRConnect',
    timeZone: 'Europe/Zurich',
  },
  { key: 'viewer', email: 'observer@cjn.example', name: 'Board Observer', role: 'viewer', org: 'CJN' },
];

export async function seedNetwork(ctx: SeedContext): Promise<void> {
  const orgRepo = ctx.db.getRepository(Organization);
  for (const seed of ORGANIZATIONS) {
    let org = await orgRepo.createQueryBuilder('o').where('lower(o.name) = lower(:name)', { name: seed.name }).getOne();
    if (!org) {
      org = await orgRepo.save(orgRepo.create({ ...seed, membershipStatus: seed.isMember ? 'active' : null }));
      ctx.log(`organisation ${seed.name}`);
    }
    ctx.orgs[seed.acronym!] = org;
  }

  const userRepo = ctx.db.getRepository(User);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const seed of USERS) {
    let user = await userRepo
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email: seed.email })
      .getOne();
    if (!user) {
      user = await userRepo.save(
        userRepo.create({
          email: seed.email,
          name: seed.name,
          role: seed.role,
          organizationId: ctx.orgs[seed.org].id,
          timeZone: seed.timeZone ?? 'Asia/Phnom_Penh',
          language: seed.language ?? 'en',
          notificationPreferences: DEFAULT_NOTIFICATION_PREFERENCES,
          passwordHash,
          status: 'active',
        }),
      );
      ctx.log(`user ${seed.email} (${seed.role})`);
    }
    ctx.users[seed.key] = user;
  }
}
