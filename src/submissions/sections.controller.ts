import { BadRequestException, Body, Controller, Delete, Get, Headers, HttpCode, HttpException, Param, ParseIntPipe, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AccessService } from '../access/access.service.js';
import { CurrentUser } from '../auth/auth.decorators.js';
import type { User } from '../users/user.entity.js';
import { CreateSectionDto, DiffQuery, ReorderSectionsDto, RevisionQuery, UpdateSectionDto } from './dto/section.dto.js';
import { RevisionsService } from './revisions.service.js';
import { parseIfMatch } from './request-parsing.js';
import { SectionsService } from './sections.service.js';
import { ApiCreated, ApiNoContent, ApiOk, ListOf, PageOf } from '../common/openapi.js';
import { RevisionDiffResponse, RevisionResponse, SectionResponse } from './submission.response.js';

@ApiTags('submissions')
@Controller('submissions/:id/sections')
export class SectionsController {
  constructor(
    private readonly sections: SectionsService,
    private readonly revisions: RevisionsService,
    private readonly access: AccessService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The sections in order, with word counts' })
  @ApiOk(ListOf(SectionResponse))
  async list(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string) {
    await this.access.requireAccess(user, 'submission', id, 'read');
    return { items: await this.sections.list(id) };
  }

  @Post()
  @ApiOperation({ summary: 'Add a section (at the end, or at `position`)' })
  @ApiCreated(SectionResponse)
  async create(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateSectionDto) {
    await this.access.requireAccess(user, 'submission', id, 'write');
    return this.sections.create(user, id, dto);
  }

  @Post('reorder')
  @HttpCode(200)
  @ApiOperation({ summary: 'Put every section in a new order' })
  @ApiOk(ListOf(SectionResponse))
  async reorder(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReorderSectionsDto) {
    await this.access.requireAccess(user, 'submission', id, 'write');
    return { items: await this.sections.reorder(user, id, dto) };
  }

  @Get(':sectionId')
  @ApiOperation({ summary: 'One section with its text and version (also as ETag)' })
  @ApiOk(SectionResponse)
  async get(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sectionId', ParseUUIDPipe) sectionId: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    await this.access.requireAccess(user, 'submission', id, 'read');
    const section = await this.sections.get(id, sectionId);
    res.setHeader('ETag', `"${section.version}"`);
    return section;
  }

  @Patch(':sectionId')
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version edited, e.g. "3" (or send `version` in the body)' })
  @ApiOperation({ summary: 'Save an edit made on `version`; 409 with the current text and who saved it when someone saved first' })
  @ApiOk(SectionResponse, 428)
  async update(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sectionId', ParseUUIDPipe) sectionId: string,
    @Body() dto: UpdateSectionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    await this.access.requireAccess(user, 'submission', id, 'write');
    const nulls = (['version', 'title', 'body', 'status', 'position'] as const).filter((f) => dto[f] === null);
    if (nulls.length) throw new BadRequestException(`Invalid input: ${nulls.map((f) => `${f}: must not be null`).join('; ')}`);
    const headerVersion = parseIfMatch(ifMatch);
    if (headerVersion !== undefined && dto.version !== undefined && headerVersion !== dto.version) {
      throw new BadRequestException('If-Match and version disagree; send one of them');
    }
    const version = dto.version ?? headerVersion;
    if (version === undefined) {
      throw new HttpException({ message: 'Send the version you edited (body `version` or an If-Match header)' }, 428);
    }
    const section = await this.sections.update(user, id, sectionId, version, dto);
    res.setHeader('ETag', `"${section.version}"`);
    return section;
  }

  @Delete(':sectionId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a section (its revisions go with it)' })
  @ApiNoContent()
  async remove(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string, @Param('sectionId', ParseUUIDPipe) sectionId: string) {
    await this.access.requireAccess(user, 'submission', id, 'write');
    await this.sections.remove(user, id, sectionId);
  }

  @Get(':sectionId/revisions')
  @ApiOperation({ summary: 'Every save of the section, newest first' })
  @ApiOk(PageOf(RevisionResponse))
  async revisionList(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sectionId', ParseUUIDPipe) sectionId: string,
    @Query() query: RevisionQuery,
  ) {
    await this.readSection(user, id, sectionId);
    return this.revisions.list(sectionId, query);
  }

  @Get(':sectionId/revisions/diff')
  @ApiOperation({ summary: 'What changed between two revisions (`from`, `to` versions; `to` defaults to the latest)' })
  @ApiOk(RevisionDiffResponse)
  async diff(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sectionId', ParseUUIDPipe) sectionId: string,
    @Query() query: DiffQuery,
  ) {
    await this.readSection(user, id, sectionId);
    return this.revisions.diff(sectionId, query.from, query.to);
  }

  @Get(':sectionId/revisions/:version')
  @ApiOperation({ summary: 'The section as saved in one version' })
  @ApiOk(RevisionResponse)
  async revision(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sectionId', ParseUUIDPipe) sectionId: string,
    @Param('version', ParseIntPipe) version: number,
  ) {
    await this.readSection(user, id, sectionId);
    return this.revisions.get(sectionId, version);
  }

  private async readSection(user: User, id: string, sectionId: string): Promise<void> {
    await this.access.requireAccess(user, 'submission', id, 'read');
    await this.sections.get(id, sectionId);
  }
}
