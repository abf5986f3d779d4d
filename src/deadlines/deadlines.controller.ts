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
} from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, MinRole } from '../common/auth.decorators.js';
import { editedVersion } from '../common/if-match.js';
import type { User } from '../users/user.entity.js';
import { DeadlineTemplatesService } from './deadline-templates.service.js';
import { DeadlinesService } from './deadlines.service.js';
import { DeadlineBatch } from './deadline-batch.service.js';
import { CreateDeadlinesDto, MoveDeadlinesDto } from './dto/deadline-bulk.dto.js';
import { ApplyTemplateDto, CreateDeadlineDto, DeadlineQuery, UpdateDeadlineDto } from './dto/deadline.dto.js';
import { ApiCreated, ApiNoContent, ApiOk, ListOf, PageOf } from '../common/openapi.js';
import { DeadlineResponse, DeadlineTemplateResponse } from './deadline.response.js';

@ApiTags('deadlines')
@Controller('deadlines')
export class DeadlinesController {
  constructor(
    private readonly deadlines: DeadlinesService,
    private readonly templates: DeadlineTemplatesService,
    private readonly batch: DeadlineBatch,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Deadlines you can see (of records you can see), soonest first' })
  @ApiOk(PageOf(DeadlineResponse, { totalOptional: true }))
  list(@CurrentUser() user: User, @Query() query: DeadlineQuery) {
    return this.deadlines.list(user, query);
  }

  @Get('templates')
  @ApiOperation({ summary: "Templates of internal deadlines counted back from a deadline, in the reader's language" })
  @ApiOk(ListOf(DeadlineTemplateResponse))
  listTemplates(@CurrentUser() user: User) {
    return this.templates.list(user);
  }

  @Post()
  @MinRole('member')
  @ApiOperation({ summary: 'Set a deadline on an opportunity, partner, checklist item, submission or section' })
  @ApiCreated(DeadlineResponse, 404)
  create(@CurrentUser() user: User, @Body() dto: CreateDeadlineDto) {
    return this.deadlines.create(user, dto);
  }

  @Post('bulk')
  @MinRole('member')
  @ApiOperation({
    summary: 'Set up to 1,000 deadlines at once (an import, a plan): all are created, or none',
    description: 'A refused item is named in the message as items.N; reminders are scheduled as for one deadline.',
  })
  @ApiCreated(ListOf(DeadlineResponse), 404)
  createMany(@CurrentUser() user: User, @Body() dto: CreateDeadlinesDto) {
    return this.batch.create(user, dto.items).then((items) => ({ items }));
  }

  @Patch('bulk')
  @MinRole('member')
  @ApiOperation({
    summary: 'Move up to 1,000 deadlines at once (new due time or zone): all move, or none',
    description:
      'An item with a version that is no longer current refuses the whole request with a 409 naming it (items.N); reminders follow each deadline.',
  })
  @ApiOk(ListOf(DeadlineResponse), 404, 409)
  moveMany(@CurrentUser() user: User, @Body() dto: MoveDeadlinesDto) {
    return this.batch.move(user, dto.items).then((items) => ({ items }));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One deadline, with its due time in its zone, yours and Phnom Penh' })
  @ApiOk(DeadlineResponse)
  get(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string) {
    return this.deadlines.get(user, id);
  }

  @Patch(':id')
  @MinRole('member')
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The version changed, e.g. "3" (or send `version` in the body); optional',
  })
  @ApiOperation({ summary: 'Change, move, finish (status done), cancel or re-open a deadline; its reminders follow' })
  @ApiOk(DeadlineResponse)
  update(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateDeadlineDto,
    @Headers('if-match') ifMatch: string | undefined,
  ) {
    return this.deadlines.update(user, id, dto, editedVersion(dto.version, ifMatch));
  }

  @Delete(':id')
  @MinRole('member')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a deadline and its pending reminders' })
  @ApiNoContent()
  async remove(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string) {
    await this.deadlines.remove(user, id);
  }

  @Post(':id/template')
  @MinRole('member')
  @ApiOperation({ summary: 'Add the internal deadlines of a template, counted back from this deadline' })
  @ApiCreated(ListOf(DeadlineResponse))
  applyTemplate(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ApplyTemplateDto) {
    return this.templates.apply(user, id, dto.templateId);
  }
}
