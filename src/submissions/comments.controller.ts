import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessService } from '../access/access.service.js';
import { CurrentUser } from '../auth/auth.decorators.js';
import type { User } from '../users/user.entity.js';
import { CommentsService } from './comments.service.js';
import { CommentQuery, CreateCommentDto, UpdateCommentDto } from './dto/comment.dto.js';
import { ApiCreated, ApiNoContent, ApiOk, PageOf } from '../common/openapi.js';
import { CommentResponse, CommentThreadResponse } from './submission.response.js';

@ApiTags('submissions')
@Controller('submissions/:id/sections/:sectionId/comments')
export class CommentsController {
  constructor(
    private readonly comments: CommentsService,
    private readonly access: AccessService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Comment threads on a section, oldest first, each with its replies' })
  @ApiOk(PageOf(CommentThreadResponse))
  async list(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sectionId', ParseUUIDPipe) sectionId: string,
    @Query() query: CommentQuery,
  ) {
    await this.access.requireAccess(user, 'submission', id, 'read');
    return this.comments.list(id, sectionId, query);
  }

  @Post()
  @ApiOperation({ summary: 'Comment or reply (`parentId`); mention users with `mentionedUserIds` or @e-mail in the text' })
  @ApiCreated(CommentResponse)
  async create(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sectionId', ParseUUIDPipe) sectionId: string,
    @Body() dto: CreateCommentDto,
  ) {
    await this.access.requireAccess(user, 'submission', id, 'read');
    return this.comments.create(user, id, sectionId, dto);
  }

  @Patch(':commentId')
  @ApiOperation({ summary: 'Edit your comment' })
  @ApiOk(CommentResponse)
  async update(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sectionId', ParseUUIDPipe) sectionId: string,
    @Param('commentId', ParseUUIDPipe) commentId: string,
    @Body() dto: UpdateCommentDto,
  ) {
    await this.access.requireAccess(user, 'submission', id, 'read');
    return this.comments.update(user, id, sectionId, commentId, dto.body);
  }

  @Post(':commentId/resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a comment thread resolved' })
  @ApiOk(CommentResponse)
  async resolve(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sectionId', ParseUUIDPipe) sectionId: string,
    @Param('commentId', ParseUUIDPipe) commentId: string,
  ) {
    await this.access.requireAccess(user, 'submission', id, 'read');
    return this.comments.setResolved(user, id, sectionId, commentId, true);
  }

  @Post(':commentId/reopen')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reopen a resolved comment thread' })
  @ApiOk(CommentResponse)
  async reopen(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sectionId', ParseUUIDPipe) sectionId: string,
    @Param('commentId', ParseUUIDPipe) commentId: string,
  ) {
    await this.access.requireAccess(user, 'submission', id, 'read');
    return this.comments.setResolved(user, id, sectionId, commentId, false);
  }

  @Delete(':commentId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete your comment (coordinators: any comment)' })
  @ApiNoContent()
  async remove(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sectionId', ParseUUIDPipe) sectionId: string,
    @Param('commentId', ParseUUIDPipe) commentId: string,
  ) {
    await this.access.requireAccess(user, 'submission', id, 'read');
    await this.comments.remove(user, id, sectionId, commentId);
  }
}
