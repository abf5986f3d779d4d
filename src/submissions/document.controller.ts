import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Response } from 'express';
import { CurrentUser } from '../common/auth.decorators.js';
import { PageQuery } from '../common/pagination.js';
import type { User } from '../users/user.entity.js';
import { fileSlug } from './assembly.js';
import { DocumentService } from './document.service.js';
import { SnapshotDto } from './dto/section.dto.js';
import { chooseFormat, DOCUMENT_FORMATS, type DocumentFormat, DOCX_TYPE } from './request-parsing.js';
import { ApiCreated, ApiOk, ApiOkContent, PageOf } from '../common/openapi.js';
import { DocumentResponse, SnapshotDetailResponse, SnapshotResponse } from './document.response.js';

export class DocumentQuery {
  @ApiPropertyOptional({
    enum: DOCUMENT_FORMATS,
    enumName: 'DocumentFormat',
    description: 'Default from the Accept header, else md',
  })
  @IsOptional()
  @IsIn(DOCUMENT_FORMATS)
  format?: DocumentFormat;
}

@ApiTags('submissions')
@Controller('submissions/:id')
export class DocumentController {
  constructor(private readonly documents: DocumentService) {}

  @Get('document')
  @ApiProduces('text/markdown', DOCX_TYPE, 'application/json')
  @ApiOperation({
    summary: 'The assembled text (title, sections in order, signatories); the frozen final text once submitted',
  })
  @ApiOkContent({ 'text/markdown': 'file', [DOCX_TYPE]: 'file', 'application/json': DocumentResponse })
  async document(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: DocumentQuery,
    @Headers('accept') accept: string | undefined,
    @Res() res: Response,
  ) {
    const result = await this.documents.current(user, id);
    const format = chooseFormat(query.format, accept);
    const name = fileSlug(result.document.title);
    res.setHeader('X-Final-Text', result.finalSnapshotId ? 'true' : 'false');
    res.setHeader('Vary', 'Accept');
    if (format === 'json') {
      res.json(result);
    } else if (format === 'docx') {
      // Loaded on the first export: the docx library costs about 10 MB that most processes never need.
      const { renderDocx } = await import('./docx-export.js');
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
  @ApiOk(PageOf(SnapshotResponse))
  snapshots(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string, @Query() query: PageQuery) {
    return this.documents.listSnapshots(user, id, query);
  }

  @Post('snapshots')
  @ApiOperation({ summary: 'Keep the assembled text under a name, e.g. "sent to partners 1 Oct"' })
  @ApiCreated(SnapshotDetailResponse)
  createSnapshot(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SnapshotDto) {
    return this.documents.createSnapshot(user, id, dto.name);
  }

  @Get('snapshots/:snapshotId')
  @ApiOperation({ summary: 'One snapshot with its assembled text' })
  @ApiOk(SnapshotDetailResponse)
  snapshot(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('snapshotId', ParseUUIDPipe) snapshotId: string,
  ) {
    return this.documents.getSnapshot(user, id, snapshotId);
  }
}
