import { BadRequestException } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { type PageQuery, type PageWindow, pageWindow } from '../common/pagination.js';

/** `due_at` in UTC to the microsecond, as DUE_KEY_SQL writes it. */
const DUE_KEY = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;

/** SQL: the sort key's time part of deadline `d`, whatever the session's DateStyle and TimeZone. */
export const DUE_KEY_SQL = `to_char("d".due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The deadline list's window: its cursors carry the last row's (due_at, id), so the next page is read
 * from there along the index. The cursor keeps `due_at` to the microsecond, as the database holds it: a
 * JavaScript date would drop the microseconds, and the next page would start with that row again.
 */
export function deadlineWindow(query: PageQuery): PageWindow {
  const window = pageWindow(query, { keyset: true });
  if (!window.after) return window;
  const [dueAt, id, ...rest] = window.after;
  if (rest.length || !isDueKey(dueAt) || !isUUID(id ?? '', 'loose'))
    throw new BadRequestException('cursor is not valid; pass the nextCursor of a previous page');
  return window;
}

function isDueKey(text: string | undefined): boolean {
  if (!text || !DUE_KEY.test(text)) return false;
  const ms = Date.parse(text);
  // Date.parse rolls 30 February over into March; PostgreSQL would refuse it.
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 19) === text.slice(0, 19);
}
