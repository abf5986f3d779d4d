import type { DataSource } from 'typeorm';
import type { Clock } from '../common/clock.js';
import type { Organization } from '../organizations/organization.entity.js';
import type { User } from '../users/user.entity.js';

/** What every area's seed builder receives: the demo network, keyed for easy reference. */
export interface SeedContext {
  db: DataSource;
  clock: Clock;
  /** By acronym, e.g. orgs['CJN'], orgs['UNICEF'], orgs['EU']. */
  orgs: Record<string, Organization>;
  /** By key, e.g. users.coordinator, users.lacMember. */
  users: Record<string, User>;
  log: (line: string) => void;
}

export { DEMO_PASSWORD } from '../config/app-config.js';
