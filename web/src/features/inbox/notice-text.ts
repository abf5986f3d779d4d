import type { i18n as I18n } from 'i18next';
import type { Formatter } from '../../i18n/formatter.js';

/** What a notice is written from: an inbox entry as the API sends it. */
export interface NoticeRow {
  kind: string;
  title: string;
  body: string;
  params?: Record<string, unknown> | null;
  createdAt: string;
}

/** A piece of a sentence: the language's words, or a record's title or a person's name (`data`) as written. */
export interface NoticePart {
  text: string;
  data: boolean;
}

export interface NoticeText {
  title: NoticePart[];
  /** Lines of the body. */
  body: NoticePart[][];
}

type Params = Record<string, unknown>;
const MARK = '\u2063';
const str = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** The sentence of `key`, its data `values` kept apart so they can be marked as data. */
function parts(i18n: I18n, key: string, words: Params, data: Record<string, string>): NoticePart[] {
  const kept = Object.values(data);
  const marked = Object.fromEntries(Object.keys(data).map((name, i) => [name, `${MARK}${i}${MARK}`]));
  return i18n
    .t(key, { ...words, ...marked })
    .split(new RegExp(`${MARK}(\\d+)${MARK}`))
    .map((text, i) => (i % 2 ? { text: kept[Number(text)], data: true } : { text, data: false }))
    .filter((part) => part.text !== '');
}

const UNITS = { W: 'week', D: 'day', H: 'hour', M: 'minute' } as const;

/** `P7D` → "in 7 days", `PT2H` → "in 2 hours", by the language's plural rules; null for mixed units. */
function offsetPhrase(i18n: I18n, offset: unknown): string | null {
  const match = typeof offset === 'string' ? /^P(?:(\d+)([MWD]))?(?:T(\d+)([HM]))?$/i.exec(offset) : null;
  if (!match || (match[1] && match[3]) || (!match[1] && !match[3])) return null;
  const [count, letter] = match[1] ? [match[1], match[2].toUpperCase()] : [match[3], match[4].toUpperCase()];
  const unit = match[1] && letter === 'M' ? 'month' : UNITS[letter as keyof typeof UNITS];
  return i18n.t(`notices.in.${unit}`, { count: Number(count) });
}

/** When it is due, once: in the reader's zone, with the deadline's own time only where it differs. */
function dueLine(i18n: I18n, format: Formatter, readerZone: string, p: Params): NoticePart[] {
  const dueAt = str(p.dueAt)!;
  const zone = str(p.timeZone) ?? readerZone;
  const time = format.dateTime(dueAt, readerZone);
  const elsewhere = format.dateTime(dueAt, zone) !== time;
  const words = { time, deadlineTime: format.dateTime(dueAt, zone), context: elsewhere ? 'elsewhere' : undefined };
  const city = { city: format.city(zone) };
  const dueDate = str(p.dueDate);
  if (dueDate)
    return parts(i18n, 'notices.dueDate', { ...words, date: format.date(`${dueDate}T12:00:00Z`, 'UTC') }, city);
  return parts(i18n, 'notices.due', words, city);
}

function deadlineNotice(i18n: I18n, format: Formatter, readerZone: string, row: NoticeRow, p: Params): NoticeText {
  const when = offsetPhrase(i18n, p.offset) ?? format.relative(str(p.dueAt)!, new Date(row.createdAt).getTime());
  const subjectType = str(p.subjectType);
  const label = subjectType && i18n.exists(`deadlines.subjectType.${subjectType}`);
  return {
    title: parts(i18n, `notices.kind.${row.kind}`, { when }, { deadline: str(p.deadline) ?? '' }),
    body: [
      ...(label && str(p.subject)
        ? [
            parts(
              i18n,
              'notices.subject',
              { label: i18n.t(`deadlines.subjectType.${subjectType}`) },
              { subject: str(p.subject)! },
            ),
          ]
        : []),
      dueLine(i18n, format, readerZone, p),
    ],
  };
}

const asData = (text: string): NoticePart[] => (text ? [{ text, data: true }] : []);

/**
 * The notice in the reader's language and zone, from its kind and params; its stored title and body (as
 * data: they may be in another language) when the row has no params or its kind has no sentence here.
 */
export function noticeText(row: NoticeRow, i18n: I18n, format: Formatter, readerZone: string): NoticeText {
  const p = row.params;
  const stored = { title: asData(row.title), body: row.body ? row.body.split('\n').map(asData) : [] };
  if (!p || !i18n.exists(`notices.kind.${row.kind}`)) return stored;
  switch (row.kind) {
    case 'deadline.reminder':
    case 'deadline.overdue':
      return str(p.dueAt) ? deadlineNotice(i18n, format, readerZone, row, p) : stored;
    case 'mention':
      return {
        title: parts(i18n, 'notices.kind.mention', {}, { actor: str(p.actor) ?? '', section: str(p.section) ?? '' }),
        body: stored.body,
      };
    case 'partner.invited': {
      const role = str(p.role);
      return {
        title: parts(
          i18n,
          'notices.kind.partner.invited',
          {},
          { organization: str(p.organization) ?? '', opportunity: str(p.opportunity) ?? '' },
        ),
        body: role
          ? [
              parts(
                i18n,
                'notices.body.partnerInvited',
                { role: i18n.t(`opportunities.partnerRole.${role}`).toLowerCase() },
                {},
              ),
            ]
          : [],
      };
    }
  }
  return stored;
}

/** The notice's title or body as one string (a test, a title attribute). */
export const plain = (line: NoticePart[]) => line.map((part) => part.text).join('');
