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

export function toPage<T>(items: T[], total: number, window: { limit: number; offset: number }): Page<T> {
  const next = window.offset + items.length;
  return {
    items,
    total,
    nextCursor: next < total ? Buffer.from(`o:${next}`, 'utf8').toString('base64url') : null,
  };
}
