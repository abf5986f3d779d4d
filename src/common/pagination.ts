import { ApiPropertyOptional } from '@nestjs/swagger';
import { BadRequestException } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
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

export interface Page<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
}

/** Resolves `limit` and the starting row from `offset` or an opaque `cursor`. */
export function pageWindow(query: PageQuery): { limit: number; offset: number } {
  const limit = query.limit ?? 25;
  if (query.cursor !== undefined) {
    const decoded = /^[A-Za-z0-9_-]+$/.test(query.cursor)
      ? Buffer.from(query.cursor, 'base64url').toString('utf8')
      : '';
    const match = /^o:(\d{1,9})$/.exec(decoded);
    if (!match) throw new BadRequestException('cursor is not valid; pass the nextCursor of a previous page');
    return { limit, offset: Number(match[1]) };
  }
  return { limit, offset: query.offset ?? 0 };
}

/** A page whose total was not counted: `items` holds up to one row more than `limit`, which says whether more follow. */
export function toUncountedPage<T>(
  itemsAndOneMore: T[],
  window: { limit: number; offset: number },
): Omit<Page<T>, 'total'> {
  const items = itemsAndOneMore.slice(0, window.limit);
  const more = itemsAndOneMore.length > window.limit;
  return { items, nextCursor: more ? cursorAt(window.offset + items.length) : null };
}

export function toPage<T>(items: T[], total: number, window: { limit: number; offset: number }): Page<T> {
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
