import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { ActivityService, diffFields } from '../activity/activity.service.js';
import { Clock } from '../common/clock.js';
import { type Page, pageWindow, toPage } from '../common/pagination.js';
import { escapeLike } from '../common/sql.js';
import type { User } from '../users/user.entity.js';
import type { CreateOrganizationDto, OrganizationQuery, UpdateOrganizationDto } from './dto/organization.dto.js';
import { Organization } from './organization.entity.js';
import { notFound, Refusal } from '../common/refusal.js';

export interface OrganizationRef {
  id: string;
  name: string;
  acronym: string | null;
}

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly activity: ActivityService,
    private readonly clock: Clock,
  ) {}

  async list(query: OrganizationQuery): Promise<Page<Organization>> {
    const window = pageWindow(query);
    const qb = this.db.getRepository(Organization).createQueryBuilder('o');
    if (query.archived !== 'true') qb.andWhere('o.archived_at IS NULL');
    if (query.kind) qb.andWhere('o.kind = :kind', { kind: query.kind });
    if (query.funding === 'true')
      qb.andWhere(`(o.kind = 'funder' OR EXISTS (SELECT 1 FROM opportunities op WHERE op.funder_id = o.id))`);
    if (query.q) qb.andWhere('(o.name ILIKE :q OR o.acronym ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    const [items, total] = await qb
      .orderBy('o.name', 'ASC')
      .addOrderBy('o.id')
      .take(window.limit)
      .skip(window.offset)
      .getManyAndCount();
    return toPage(items, total, window);
  }

  async get(id: string): Promise<Organization> {
    const org = await this.db.getRepository(Organization).findOneBy({ id });
    if (!org) throw notFound('organization', 'Organization not found');
    return org;
  }

  /** Names of the organisations with these ids; unknown ids are absent. */
  async namesByIds(ids: string[]): Promise<Map<string, string>> {
    return new Map([...(await this.refsByIds(ids))].map(([id, ref]) => [id, ref.name]));
  }

  /** Id, name and acronym of the organisations with these ids, for showing them beside other records; unknown ids are absent. */
  async refsByIds(ids: string[]): Promise<Map<string, OrganizationRef>> {
    const wanted = [...new Set(ids)];
    if (!wanted.length) return new Map();
    const rows = await this.db
      .getRepository(Organization)
      .find({ select: { id: true, name: true, acronym: true }, where: { id: In(wanted) } });
    return new Map(rows.map((o) => [o.id, { id: o.id, name: o.name, acronym: o.acronym }]));
  }

  async create(actor: User, dto: CreateOrganizationDto): Promise<Organization> {
    return this.db.transaction(async (manager) => {
      await this.assertNameFree(manager, dto.name);
      const org = await manager.getRepository(Organization).save(manager.getRepository(Organization).create(dto));
      await this.activity.record(manager, {
        actorId: actor.id,
        action: 'organization.created',
        subjectType: 'organization',
        subjectId: org.id,
        summary: `Created organisation ${org.name}`,
        params: { name: org.name },
      });
      return org;
    });
  }

  async update(actor: User, id: string, dto: UpdateOrganizationDto): Promise<Organization> {
    return this.db.transaction(async (manager) => {
      const repo = manager.getRepository(Organization);
      const org = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!org) throw notFound('organization', 'Organization not found');
      if (dto.name && dto.name.toLowerCase() !== org.name.toLowerCase()) await this.assertNameFree(manager, dto.name);
      const changes = diffFields(org, dto);
      const saved = await repo.save(repo.merge(org, dto));
      if (Object.keys(changes).length) {
        await this.activity.record(manager, {
          actorId: actor.id,
          action: 'organization.updated',
          subjectType: 'organization',
          subjectId: id,
          summary: `Updated ${Object.keys(changes).join(', ')} of ${saved.name}`,
          params: { name: saved.name, fields: Object.keys(changes) },
          changes,
        });
      }
      return saved;
    });
  }

  /** Archives rather than deletes: opportunities and submissions keep pointing at it. */
  async archive(actor: User, id: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const org = await manager.getRepository(Organization).findOneBy({ id });
      if (!org) throw notFound('organization', 'Organization not found');
      if (org.archivedAt) return;
      await manager.getRepository(Organization).update(id, { archivedAt: this.clock.now() });
      await this.activity.record(manager, {
        actorId: actor.id,
        action: 'organization.archived',
        subjectType: 'organization',
        subjectId: id,
        summary: `Archived organisation ${org.name}`,
        params: { name: org.name },
      });
    });
  }

  private async assertNameFree(manager: DataSource['manager'], name: string): Promise<void> {
    const taken = await manager
      .getRepository(Organization)
      .createQueryBuilder('o')
      .where('lower(o.name) = lower(:name)', { name })
      .getExists();
    if (taken) throw new Refusal(409, 'name_taken', `An organisation named "${name}" already exists`, { name });
  }
}
