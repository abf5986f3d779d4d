import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../common/auth.decorators.js';
import { VersionParamPipe } from '../common/id-params.pipe.js';
import { editedVersion } from '../common/if-match.js';
import type { User } from '../users/user.entity.js';
import { CreateSectionDto, DiffQuery, ReorderSectionsDto, RevisionQuery, UpdateSectionDto } from './dto/section.dto.js';
import { RevisionsService } from './revisions.service.js';
import { SectionsService } from './sections.service.js';
import { ApiCreated, ApiNoContent, ApiOk, ListOf, PageOf } from '../common/openapi.js';
import { RevisionDiffResponse, RevisionResponse, SectionResponse } from './section.response.js';

@ApiTags('submissions')
@Controller('submissions/:id/sections')
export class SectionsController {
  constructor(
    private readonly sections: SectionsService,
    private readonly revisions: RevisionsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The sections in order, with word counts' })
  @ApiOk(ListOf(SectionResponse))
  async list(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string) {
    return { items: await this.sections.list(user, id) };
  }

  @Post()
  @ApiOperation({ summary: 'Add a section (at the end, or at `position`)' })
  @ApiCreated(SectionResponse)
  create(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateSectionDto) {
    return this.sections.create(user, id, dto);
  }

  @Post('reorder')
  @HttpCode(200)
  @ApiOperation({ summary: 'Put every section in a new order' })
  @ApiOk(ListOf(SectionResponse))
  async reorder(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReorderSectionsDto) {
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
    const section = await this.sections.get(user, id, sectionId);
    res.setHeader('ETag', `"${section.version}"`);
    return section;
  }

  @Patch(':sectionId')
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The version edited, e.g. "3" (or send `version` in the body)',
  })
  @ApiOperation({
    summary: 'Save an edit made on `version`; 409 with the current text and who saved it when someone saved first',
  })
  @ApiOk(SectionResponse, 428)
  async update(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sectionId', ParseUUIDPipe) sectionId: string,
    @Body() dto: UpdateSectionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const section = await this.sections.update(user, id, sectionId, dto, editedVersion(dto.version, ifMatch));
    res.setHeader('ETag', `"${section.version}"`);
    return section;
  }

  @Delete(':sectionId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a section (its revisions go with it)' })
  @ApiNoContent()
  remove(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sectionId', ParseUUIDPipe) sectionId: string,
  ) {
    return this.sections.remove(user, id, sectionId);
  }

  @Get(':sectionId/revisions')
  @ApiOperation({ summary: 'Every save of the section, newest first' })
  @ApiOk(PageOf(RevisionResponse))
  revisionList(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sectionId', ParseUUIDPipe) sectionId: string,
    @Query() query: RevisionQuery,
  ) {
    return this.revisions.list(user, id, sectionId, query);
  }

  @Get(':sectionId/revisions/diff')
  @ApiOperation({ summary: 'What changed between two revisions (`from`, `to` versions; `to` defaults to the latest)' })
  @ApiOk(RevisionDiffResponse)
  diff(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sectionId', ParseUUIDPipe) sectionId: string,
    @Query() query: DiffQuery,
  ) {
    return this.revisions.diff(user, id, sectionId, query.from, query.to);
  }

  @Get(':sectionId/revisions/:version')
  @ApiOperation({ summary: 'The section as saved in one version' })
  @ApiOk(RevisionResponse)
  revision(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sectionId', ParseUUIDPipe) sectionId: string,
    @Param('version', VersionParamPipe) version: number,
  ) {
    return this.revisions.get(user, id, sectionId, version);
  }
}
