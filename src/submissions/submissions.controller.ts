import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, MinRole } from '../auth/auth.decorators.js';
import type { User } from '../users/user.entity.js';
import { CreateSubmissionDto, SubmissionQuery, TransitionDto, UpdateSubmissionDto } from './dto/submission.dto.js';
import { SubmissionsService } from './submissions.service.js';
import { TransitionsService } from './transitions.service.js';

@ApiTags('submissions')
@Controller('submissions')
export class SubmissionsController {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly transitions: TransitionsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Policy submissions you may see; filters: status, kind, targetBody, leadOrganizationId, organizationId, q' })
  list(@CurrentUser() user: User, @Query() query: SubmissionQuery) {
    return this.submissions.list(user, query);
  }

  @Post()
  @MinRole('member')
  @ApiOperation({ summary: 'Start a submission (members: led by their own organisation)' })
  create(@CurrentUser() user: User, @Body() dto: CreateSubmissionDto) {
    return this.submissions.create(user, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A submission with partners, sign-off state and word count against the limits' })
  get(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string) {
    return this.submissions.get(user, id);
  }

  @Get(':id/word-count')
  @ApiOperation({ summary: 'Words per section and in total, against the word limit, with a page estimate' })
  wordCount(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string) {
    return this.submissions.wordCount(user, id);
  }

  @Patch(':id')
  update(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateSubmissionDto) {
    return this.submissions.update(user, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Archive a submission (coordinators; its text and history stay)' })
  async archive(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string) {
    await this.submissions.archive(user, id);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move through planned → drafting → review → sign_off → submitted → published (or withdrawn); 409 with the reason when not allowed',
  })
  transition(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string, @Body() dto: TransitionDto) {
    return this.transitions.transition(user, id, dto);
  }
}
