import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Response } from 'express';
import { AccessService } from '../access/access.service.js';
import { CurrentUser } from '../auth/auth.decorators.js';
import { PageQuery } from '../common/pagination.js';
import type { User } from '../users/user.entity.js';
import { fileSlug } from './assembly.js';
import { DocumentService } from './document.service.js';
import { renderDocx } from './docx-export.js';
import { SnapshotDto } from './dto/section.dto.js';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const FORMATS = ['md', 'docx', 'json'] as const;
type Format = (typeof FORMATS)[number];

export class DocumentQuery {
  @ApiPropertyOptional({ enum: FORMATS, description: 'Default from the Accept header, else md' })
  @IsOptional()
  @IsIn(FORMATS)
  format?: Format;
}

/** `?format=` wins; otherwise the Accept header; Markdown by default. */
export function chooseFormat(format: Format | undefined, accept: string | undefined): Format {
  if (format) return format;
  const a = (accept ?? '').toLowerCase();
  if (a.includes(DOCX_TYPE)) return 'docx';
  if (a.includes('text/markdown') || a.includes('text/plain')) return 'md';
  if (a.includes('application/json')) return 'json';
  return 'md';
}

@ApiTags('submissions')
@Controller('submissions/:id')
export class DocumentController {
  constructor(
    private readonly documents: DocumentService,
    private readonly access: AccessService,
  ) {}

  @Get('document')
  @ApiProduces('text/markdown', DOCX_TYPE, 'application/json')
  @ApiOperation({ summary: 'The assembled text (title, sections in order, signatories); the frozen final text once submitted' })
  async document(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: DocumentQuery,
    @Headers('accept') accept: string | undefined,
    @Res() res: Response,
  ) {
    await this.access.requireAccess(user, 'submission', id, 'read');
    const result = await this.documents.current(id);
    const format = chooseFormat(query.format, accept);
    const name = fileSlug(result.document.title);
    res.setHeader('X-Final-Text', result.finalSnapshotId ? 'true' : 'false');
    res.setHeader('Vary', 'Accept');
    if (format === 'json') {
      res.json(result);
    } else if (format === 'docx') {
      const buffer = await renderDocx(result.document);
      res.setHeader('Content-Type', DOCX_TYPE);
      res.setHeader('Content-Disposition', `attachment; filename="${name}.docx"`);
      res.send(buffer);
    } else {
      res.setHeader('Content-Type', 'text/markdown; charset=utf-8');
      res.setHeader('Content-Disposition', `inline; filename="${name}.md"`);
      res.send(result.markdown);
    }
  }

  @Get('snapshots')
  @ApiOperation({ summary: 'Named snapshots (review rounds) and the final text, newest first' })
  async snapshots(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string, @Query() query: PageQuery) {
    await this.access.requireAccess(user, 'submission', id, 'read');
    return this.documents.listSnapshots(id, query);
  }

  @Post('snapshots')
  @ApiOperation({ summary: 'Keep the assembled text under a name, e.g. "sent to partners 1 Oct"' })
  async createSnapshot(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SnapshotDto) {
    await this.access.requireAccess(user, 'submission', id, 'write');
    return this.documents.createSnapshot(user, id, dto.name);
  }

  @Get('snapshots/:snapshotId')
  async snapshot(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('snapshotId', ParseUUIDPipe) snapshotId: string,
  ) {
    await this.access.requireAccess(user, 'submission', id, 'read');
    return this.documents.getSnapshot(id, snapshotId);
  }
}
