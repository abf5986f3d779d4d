import { ActivityPageResponse } from '../activity/activity.response.js';
import { PageQuery } from '../common/pagination.js';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, MinRole } from '../common/auth.decorators.js';
import type { User } from '../users/user.entity.js';
import {
  CreateSubmissionDto,
  MentionQuery,
  SubmissionQuery,
  SubmissionTransitionDto,
  UpdateSubmissionDto,
} from './dto/submission.dto.js';
import { SubmissionsService } from './submissions.service.js';
import { TransitionsService } from './transitions.service.js';
import { ApiCreated, ApiNoContent, ApiOk, ListOf, PageOf } from '../common/openapi.js';
import {
  MentionCandidateResponse,
  SubmissionDetailResponse,
  SubmissionResponse,
  WordCountResponse,
} from './submission.response.js';

@ApiTags('submissions')
@Controller('submissions')
export class SubmissionsController {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly transitions: TransitionsService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Policy submissions you may see; filters: status, kind, targetBody, leadOrganizationId, organizationId, q',
  })
  @ApiOk(PageOf(SubmissionResponse))
  list(@CurrentUser() user: User, @Query() query: SubmissionQuery) {
    return this.submissions.list(user, query);
  }

  @Post()
  @MinRole('member')
  @ApiOperation({ summary: 'Start a submission (members: led by their own organisation)' })
  @ApiCreated(SubmissionDetailResponse)
  create(@CurrentUser() user: User, @Body() dto: CreateSubmissionDto) {
    return this.submissions.create(user, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A submission with partners, sign-off state and word count against the limits' })
  @ApiOk(SubmissionDetailResponse)
  get(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string) {
    return this.submissions.get(user, id);
  }

  @Get(':id/people')
  @ApiOperation({
    summary: 'People who can read the submission: to assign a section or @mention (participants first, 50 at most)',
  })
  @ApiOk(ListOf(MentionCandidateResponse))
  async people(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string, @Query() query: MentionQuery) {
    return { items: await this.submissions.mentionCandidates(user, id, query.q) };
  }

  @Get(':id/activity')
  @ApiOperation({ summary: 'Who did what to this submission and its sections, newest first' })
  @ApiOk(ActivityPageResponse)
  activity(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string, @Query() query: PageQuery) {
    return this.submissions.history(user, id, query);
  }

  @Get(':id/word-count')
  @ApiOperation({ summary: 'Words per section and in total, against the word limit, with a page estimate' })
  @ApiOk(WordCountResponse)
  wordCount(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string) {
    return this.submissions.wordCount(user, id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a submission (its lead organisation and coordinators); only some fields once submitted',
  })
  @ApiOk(SubmissionDetailResponse)
  update(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateSubmissionDto) {
    return this.submissions.update(user, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Archive a submission (coordinators; its text and history stay)' })
  @ApiNoContent()
  async archive(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string) {
    await this.submissions.archive(user, id);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Move through planned → drafting → review → sign_off → submitted → published (or withdrawn); 409 with the reason when not allowed',
  })
  @ApiOk(SubmissionDetailResponse)
  transition(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SubmissionTransitionDto) {
    return this.transitions.transition(user, id, dto);
  }
}
