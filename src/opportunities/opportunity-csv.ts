import { DateTime } from 'luxon';
import { isURL } from 'class-validator';
import { AMOUNT, CURRENCY } from './dto/money.js';
import { VISIBILITIES, type Visibility } from './opportunity.entity.js';
import { STAGES, type Stage } from '../../shared/opportunity.workflow.js';

/** Columns of the pipeline export; the import reads the same file back. */
export const EXPORT_COLUMNS = [
  'id',
  'title',
  'stage',
  'funder',
  'callReference',
  'url',
  'tags',
  'amountMin',
  'amountMax',
  'currency',
  'closesAt',
  'owner',
  'visibility',
  'partners',
  'budget',
  'awardedAmount',
  'awardedCurrency',
  'updatedAt',
] as const;

export const IMPORT_COLUMNS = [
  'title',
  'funder',
  'callReference',
  'url',
  'description',
  'tags',
  'amountMin',
  'amountMax',
  'currency',
  'closesAt',
  'owner',
  'visibility',
  'stage',
] as const;
/** Export-only columns the import accepts and ignores, so an export can be edited and imported. */
const IGNORED_COLUMNS = new Set(['id', 'partners', 'budget', 'awardedAmount', 'awardedCurrency', 'updatedAt']);

export interface RowProblem {
  line: number;
  field?: string;
  message: string;
}

export interface ImportLookups {
  /** lower-case organisation name or acronym → id */
  funders: Map<string, string>;
  /** lower-case e-mail → user id, for coordinators and admins only */
  owners: Map<string, string>;
  /** where a date-only `closesAt` ends */
  zone: string;
}

export interface ImportRow {
  title: string;
  funderId: string | null;
  callReference: string | null;
  url: string | null;
  description: string | null;
  tags: string[];
  amountMin: string | null;
  amountMax: string | null;
  currency: string | null;
  closesAt: Date | null;
  ownerId: string | null;
  visibility: Visibility;
  stage: Stage;
}

/** Problems with the header line (line 1): unknown columns, no title. */
export function checkHeader(columns: string[]): RowProblem[] {
  const problems: RowProblem[] = [];
  const known = new Set<string>(IMPORT_COLUMNS);
  for (const c of columns) {
    if (!known.has(c) && !IGNORED_COLUMNS.has(c))
      problems.push({ line: 1, field: c, message: `unknown column "${c}"; expected ${IMPORT_COLUMNS.join(', ')}` });
  }
  if (!columns.includes('title')) problems.push({ line: 1, field: 'title', message: 'the title column is missing' });
  return problems;
}

/** Checks one record of the import and turns it into the fields of an opportunity. */
export function parseImportRow(
  record: Record<string, string | undefined>,
  line: number,
  lookups: ImportLookups,
): { row?: ImportRow; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ line, field, message });
  const get = (field: string) => {
    const v = record[field]?.trim();
    return v ? v : null;
  };

  const title = get('title');
  if (!title) problem('title', 'title is required');
  else if (title.length > 300) problem('title', 'title is longer than 300 characters');

  const funder = get('funder');
  const funderId = funder ? (lookups.funders.get(funder.toLowerCase()) ?? null) : null;
  if (funder && !funderId) problem('funder', `no organisation named "${funder}"`);

  const url = get('url');
  if (url && !isURL(url, { require_protocol: true, protocols: ['http', 'https'] }))
    problem('url', `"${url}" is not an http(s) link`);

  const tags = (get('tags') ?? '')
    .split(';')
    .map((t) => t.trim())
    .filter(Boolean);
  if (tags.some((t) => t.length > 50)) problem('tags', 'a tag is longer than 50 characters');

  const amount = (field: string) => {
    const v = get(field)?.replace(/[,\s]/g, '') ?? null;
    if (v !== null && !AMOUNT.test(v)) problem(field, `"${get(field)}" is not an amount such as 25000.00`);
    return v;
  };
  const amountMin = amount('amountMin');
  const amountMax = amount('amountMax');
  if (
    amountMin &&
    amountMax &&
    AMOUNT.test(amountMin) &&
    AMOUNT.test(amountMax) &&
    Number(amountMin) > Number(amountMax)
  ) {
    problem('amountMax', 'amountMax is less than amountMin');
  }

  const currency = get('currency')?.toUpperCase() ?? null;
  if (currency && !CURRENCY.test(currency)) problem('currency', `"${currency}" is not an ISO 4217 currency code`);

  let closesAt: Date | null = null;
  const closes = get('closesAt');
  if (closes) {
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(closes);
    const parsed = dateOnly
      ? DateTime.fromISO(closes, { zone: lookups.zone }).endOf('day')
      : DateTime.fromISO(closes, { setZone: true });
    if (!parsed.isValid || (!dateOnly && !/([Zz]|[+-]\d{2}:?\d{2})$/.test(closes))) {
      problem('closesAt', `"${closes}" is not a date (YYYY-MM-DD) or an instant with its zone`);
    } else closesAt = parsed.toJSDate();
  }

  const owner = get('owner');
  const ownerId = owner ? (lookups.owners.get(owner.toLowerCase()) ?? null) : null;
  if (owner && !ownerId) problem('owner', `no coordinator with e-mail ${owner}`);

  const visibility = (get('visibility') ?? 'network') as Visibility;
  if (!VISIBILITIES.includes(visibility)) problem('visibility', `visibility must be ${VISIBILITIES.join(' or ')}`);
  const stage = (get('stage') ?? 'identified') as Stage;
  if (!STAGES.includes(stage)) problem('stage', `"${stage}" is not a stage (${STAGES.join(', ')})`);

  if (problems.length) return { problems };
  return {
    problems,
    row: {
      title: title!,
      funderId,
      callReference: get('callReference'),
      url,
      description: get('description'),
      tags,
      amountMin,
      amountMax,
      currency,
      closesAt,
      ownerId,
      visibility,
      stage,
    },
  };
}

/** Keeps spreadsheet programs from running a cell as a formula. */
export function safeCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
