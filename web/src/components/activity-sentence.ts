import type { i18n as I18n } from 'i18next';
import type { Formatter } from '../i18n/formatter.js';

/** What a sentence is written from: an activity row as the API sends it. */
export interface ActivityRow {
  action: string;
  actorId: string | null;
  subjectId: string;
  summary: string;
  params?: Record<string, unknown> | null;
}

type Params = Record<string, unknown>;

/** The catalogue whose labels name an enum value, by the action's record and the parameter. */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  opportunity: { from: 'opportunities.stage', to: 'opportunities.stage', stage: 'opportunities.stage' },
  submission: { from: 'submissions.status', to: 'submissions.status' },
  partner: { role: 'opportunities.partnerRole' },
  user: { role: 'admin.role' },
  deadline: { kind: 'activity.kind' },
  recommendation: { status: 'reviews.status' },
};

/** Which variant of an action's sentence the row's params call for (an i18next context). */
function variant(action: string, p: Params, row: ActivityRow): string | undefined {
  const [record, verb] = action.split('.');
  if (record === 'deadline') {
    if (p.closingDate) return 'closing';
    return (verb === 'created' || verb === 'moved') && p.dueAt ? 'due' : undefined;
  }
  switch (action) {
    case 'user.created':
      return p.invited ? 'invited' : undefined;
    case 'user.updated':
      return row.actorId === row.subjectId ? 'own' : undefined;
    case 'partner.invited':
      return p.role ? 'role' : undefined;
    case 'checklistItem.updated':
      return p.via === 'reminderLink' ? 'reminderLink' : undefined;
    case 'comment.created':
    case 'comment.replied':
    case 'comment.updated':
      return Number(p.count) > 0 ? 'mention' : undefined;
    case 'comment.deleted':
      return p.thread ? 'thread' : undefined;
    case 'submission.transitioned':
      return p.count !== undefined ? 'override' : p.reason ? 'reason' : undefined;
    case 'opportunity.transitioned':
    case 'opportunity.transition_overridden':
    case 'checklistItem.waived':
      return p.reason ? 'reason' : undefined;
  }
  return undefined;
}

/** A field's name as a person says it; one the catalogue lacks, spelt out from its camelCase. */
function fieldLabel(i18n: I18n, field: string): string {
  const key = `activity.field.${field}`;
  return i18n.exists(key) ? i18n.t(key) : field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** "a, b and c" by Intl where it knows the language (Debian's chromium has no Khmer data), else by hand. */
function list(i18n: I18n, locale: string, items: string[]): string {
  if (Intl.ListFormat.supportedLocalesOf([locale]).length)
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
  const last = items.pop();
  return items.length ? `${items.join(', ')} ${i18n.t('activity.and')} ${last}` : (last ?? '');
}

/** The params as the sentence shows them: labels for values and fields, instants in the reader's zone. */
function shown(i18n: I18n, format: Formatter, readerZone: string, record: string, p: Params): Params {
  const out: Params = { ...p };
  for (const [param, prefix] of Object.entries(VALUE_LABELS[record] ?? {})) {
    const value = p[param];
    if (typeof value === 'string' && i18n.exists(`${prefix}.${value}`)) out[param] = i18n.t(`${prefix}.${value}`);
  }
  if (Array.isArray(p.fields))
    out.fields = list(
      i18n,
      format.locale,
      p.fields.map((field) => fieldLabel(i18n, String(field))),
    );
  if (typeof p.dueDate === 'string') out.due = format.date(`${p.dueDate}T12:00:00Z`, 'UTC');
  else if (typeof p.dueAt === 'string') out.due = format.dateTime(p.dueAt, readerZone);
  return out;
}

/** Params that are people's own words (titles, names, reasons): shown as written, never translated. */
const DATA = [
  'title',
  'name',
  'email',
  'organization',
  'opportunity',
  'submission',
  'section',
  'actor',
  'fileName',
  'targetBody',
  'reason',
];
const MARK = '\u2063';

/** A piece of a sentence: the language's words, or a record's own text (`data`) as written. */
export interface SentencePart {
  text: string;
  data: boolean;
}

/**
 * The row in the reader's language, from its action and params, in parts so that titles and names can be
 * marked as data; the English summary it was stored with (as data) when the row has no params (older than
 * them) or its action has no sentence here.
 */
export function activitySentenceParts(
  row: ActivityRow,
  i18n: I18n,
  format: Formatter,
  readerZone: string,
): SentencePart[] {
  const params = row.params;
  const key = `activity.event.${row.action}`;
  if (!params) return [{ text: row.summary, data: true }];
  const values = shown(i18n, format, readerZone, row.action.split('.')[0], params);
  const data: string[] = [];
  for (const name of DATA)
    if (typeof values[name] === 'string') {
      data.push(values[name]);
      values[name] = `${MARK}${data.length - 1}${MARK}`;
    }
  const options = { ...values, context: variant(row.action, params, row) };
  if (!i18n.exists(key, options)) return [{ text: row.summary, data: true }];
  return i18n
    .t(key, options)
    .split(new RegExp(`${MARK}(\\d+)${MARK}`))
    .map((text, i) => (i % 2 ? { text: data[Number(text)], data: true } : { text, data: false }))
    .filter((part) => part.text !== '');
}

/** The sentence as one string (for a title attribute, a test). */
export function activitySentence(row: ActivityRow, i18n: I18n, format: Formatter, readerZone: string): string {
  return activitySentenceParts(row, i18n, format, readerZone)
    .map((part) => part.text)
    .join('');
}
