import { ApiPropertyOptional } from '@nestjs/swagger';
import { BadRequestException } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { INT4_MAX } from './validators.js';

export const MAX_PAGE_SIZE = 100;

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  offset?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from a previous page (`nextCursor`)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

/** A page query for a list that can leave its `total` out (`count=false`), so that only the page is read. */
export class CountablePageQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    enumName: 'BooleanString',
    default: 'true',
    description:
      'false: leave `total` out, so only the page is read (much faster over a busy window); page on with `nextCursor`',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  count?: 'true' | 'false';
}

export interface Page<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
}

/** Where a page starts: after `offset` rows, or (keyset) after the row whose sort key is `after`. */
export interface PageWindow {
  limit: number;
  offset: number;
  after?: string[];
}

/**
 * Resolves `limit` and the starting row from `offset` or an opaque `cursor`. Only a list that pages by
 * its sort key (`keyset`) accepts the keyset cursors it hands out.
 */
export function pageWindow(query: PageQuery, { keyset = false } = {}): PageWindow {
  const limit = query.limit ?? 25;
  if (query.cursor === undefined) return { limit, offset: query.offset ?? 0 };
  const decoded = /^[A-Za-z0-9_-]+$/.test(query.cursor) ? Buffer.from(query.cursor, 'base64url').toString('utf8') : '';
  const offset = /^o:(\d{1,9})$/.exec(decoded);
  if (offset) return { limit, offset: Number(offset[1]) };
  const after = keyset && decoded.startsWith('k:') ? keyOf(decoded.slice(2)) : null;
  if (after) return { limit, offset: 0, after };
  throw new BadRequestException('cursor is not valid; pass the nextCursor of a previous page');
}

function keyOf(json: string): string[] | null {
  try {
    const key: unknown = JSON.parse(json);
    return Array.isArray(key) && key.every((part) => typeof part === 'string') ? key : null;
  } catch {
    return null;
  }
}

/** The cursor of the page after the row whose sort key is `key`. */
export function keysetCursor(key: string[]): string {
  return Buffer.from(`k:${JSON.stringify(key)}`, 'utf8').toString('base64url');
}

/** A page whose total was not counted: `items` holds up to one row more than `limit`, which says whether more follow. */
export function toUncountedPage<T>(itemsAndOneMore: T[], window: PageWindow): Omit<Page<T>, 'total'> {
  const items = itemsAndOneMore.slice(0, window.limit);
  const more = itemsAndOneMore.length > window.limit;
  return { items, nextCursor: more ? cursorAt(window.offset + items.length) : null };
}

export function toPage<T>(items: T[], total: number, window: PageWindow): Page<T> {
  const next = window.offset + items.length;
  return {
    items,
    total,
    nextCursor: next < total ? cursorAt(next) : null,
  };
}

function cursorAt(offset: number): string {
  return Buffer.from(`o:${offset}`, 'utf8').toString('base64url');
}
