import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { DataSource } from 'typeorm';
import { ActivityService } from '../activity/activity.service.js';
import { Clock } from '../common/clock.js';
import type { Upload } from '../files/files.service.js';
import type { User } from '../users/user.entity.js';
import { budgetTotals } from './budget.js';
import type { OpportunityQuery } from './dto/opportunity.dto.js';
import { recordEvent } from './opportunity-activity.js';
import {
  checkHeader,
  EXPORT_COLUMNS,
  type ImportRow,
  parseImportRow,
  type RowProblem,
  safeCell,
} from './opportunity-csv.js';
import { Opportunity } from './opportunity.entity.js';
import { exportLabels, importLookups, partnersOf } from './opportunities.repository.js';
import { OpportunitiesService } from './opportunities.service.js';
import { HOME_ZONE } from './readiness.service.js';
import { UsersService } from '../users/users.service.js';

export const MAX_EXPORT_ROWS = 10_000;
export const MAX_IMPORT_ROWS = 5_000;

export interface ImportReport {
  dryRun: boolean;
  rows: number;
  valid: number;
  errors: RowProblem[];
  created: string[];
}

@Injectable()
export class OpportunitiesCsvService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly opportunities: OpportunitiesService,
    private readonly activity: ActivityService,
    private readonly clock: Clock,
    private readonly users: UsersService,
  ) {}

  /** The pipeline the user may see, with the list's filters, as CSV. */
  async export(user: User, query: OpportunityQuery): Promise<string> {
    const items = await this.opportunities.listQuery(user, query).take(MAX_EXPORT_ROWS).getMany();
    const ids = items.map((o) => o.id);
    const partners = await partnersOf(this.db.manager, ids);
    const label = await exportLabels(
      this.db.manager,
      items.flatMap((o) => (o.funderId ? [o.funderId] : [])),
      items.flatMap((o) => (o.ownerId ? [o.ownerId] : [])),
    );
    // An owner's e-mail address only where the reader may see it through the API (`/users/:id`), else the name.
    const addressable = await this.users.contactsVisibleTo(
      user,
      items.flatMap((o) => (o.ownerId ? [o.ownerId] : [])),
    );
    const owner = (id: string) => (addressable.has(id) ? label.get(id) : label.get(`name:${id}`));
    const rows = items.map((o) => {
      const own = partners.filter((p) => p.opportunity_id === o.id);
      const budget = budgetTotals(
        own.map((p) => ({ budgetAmount: p.budget_amount, budgetCurrency: p.budget_currency })),
        o.currency,
      );
      return {
        id: o.id,
        title: safeCell(o.title),
        stage: o.stage,
        funder: safeCell(o.funderId ? label.get(o.funderId) : ''),
        callReference: safeCell(o.callReference),
        url: safeCell(o.url),
        tags: safeCell(o.tags.join('; ')),
        amountMin: o.amountMin ?? '',
        amountMax: o.amountMax ?? '',
        currency: o.currency ?? '',
        closesAt: o.closesAt?.toISOString() ?? '',
        owner: safeCell(o.ownerId ? owner(o.ownerId) : ''),
        visibility: o.visibility,
        partners: safeCell(own.map((p) => `${p.name} (${p.role}, ${p.status})`).join('; ')),
        budget: budget.map((b) => `${b.amount} ${b.currency}${b.callCurrency ? '' : ' (other currency)'}`).join('; '),
        awardedAmount: o.awardedAmount ?? '',
        awardedCurrency: o.awardedCurrency ?? '',
        updatedAt: o.updatedAt.toISOString(),
      };
    });
    return stringify(rows, { header: true, columns: [...EXPORT_COLUMNS], bom: true });
  }

  /**
   * Checks every row and reports each bad one by line; writes only when asked and only
   * when every row is good, all in one transaction.
   */
  async import(actor: User, upload: Upload | undefined, dryRun: boolean): Promise<ImportReport> {
    if (!upload || upload.size === 0) throw new BadRequestException('Send the CSV file in the "file" field');
    const text = upload.buffer.toString('utf8');
    if (text.includes('\u0000')) throw new BadRequestException('The file is not a CSV text file');
    let parsed: { record: string[]; info: { lines: number } }[];
    try {
      parsed = parse(text, {
        bom: true,
        skip_empty_lines: true,
        relax_column_count: true,
        info: true,
        to: MAX_IMPORT_ROWS + 2,
      }) as unknown as {
        record: string[];
        info: { lines: number };
      }[];
    } catch (error) {
      const e = error as { message?: string; lines?: number };
      const errors = [{ line: e.lines ?? 1, message: `not valid CSV: ${e.message ?? 'parse error'}` }];
      throw new BadRequestException({
        message: `The file is not valid CSV (line ${errors[0].line}); nothing was imported`,
        details: { errors },
      });
    }
    const [head, ...records] = parsed;
    if (records.length > MAX_IMPORT_ROWS)
      throw new BadRequestException(`Import at most ${MAX_IMPORT_ROWS} rows at a time`);
    const header = (head?.record ?? []).map((c) => c.trim());
    const errors: RowProblem[] = head ? checkHeader(header) : [{ line: 1, message: 'the file is empty' }];
    const lookups = { ...(await importLookups(this.db.manager)), zone: HOME_ZONE };
    const good: ImportRow[] = [];
    if (!errors.length) {
      for (const { record, info } of records) {
        if (record.length !== header.length) {
          errors.push({
            line: info.lines,
            message: `has ${record.length} cells where the header has ${header.length}`,
          });
          continue;
        }
        const { row, problems } = parseImportRow(
          Object.fromEntries(header.map((c, i) => [c, record[i]])),
          info.lines,
          lookups,
        );
        errors.push(...problems);
        if (row) good.push(row);
      }
    }
    const report: ImportReport = { dryRun, rows: records.length, valid: good.length, errors, created: [] };
    if (dryRun) return report;
    if (errors.length || records.length === 0) {
      const lines = [...new Set(errors.map((e) => e.line))];
      throw new BadRequestException({
        message: errors.length
          ? `${lines.length} line(s) have problems (${lines.join(', ')}); nothing was imported`
          : 'The file has no rows; nothing was imported',
        details: report,
      });
    }
    const afterCommit: (() => Promise<void>)[] = [];
    report.created = await this.db.transaction(async (manager) => {
      const repo = manager.getRepository(Opportunity);
      const ids: string[] = [];
      for (const row of good) {
        const saved = await repo.save(
          repo.create({
            ...row,
            ownerId: row.ownerId ?? actor.id,
            stageChangedAt: this.clock.now(),
            createdBy: actor.id,
          }),
        );
        await recordEvent(this.activity, manager, actor, saved.id, {
          action: 'opportunity.imported',
          summary: `Imported opportunity "${saved.title}" (${saved.stage}) from CSV`,
          params: { title: saved.title, stage: saved.stage },
        });
        if (saved.closesAt) afterCommit.push(await this.opportunities.closingDateChanged(manager, actor, saved));
        ids.push(saved.id);
      }
      return ids;
    });
    for (const run of afterCommit) await run();
    return report;
  }
}
