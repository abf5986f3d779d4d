import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../common/auth.decorators.js';
import type { User } from '../users/user.entity.js';
import { CommentsService } from './comments.service.js';
import { CommentQuery, CreateCommentDto, UpdateCommentDto } from './dto/comment.dto.js';
import { ApiCreated, ApiNoContent, ApiOk, PageOf } from '../common/openapi.js';
import { CommentResponse, CommentThreadResponse } from './comment.response.js';

@ApiTags('submissions')
@Controller('submissions/:id/sections/:sectionId/comments')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get()
  @ApiOperation({ summary: 'Comment threads on a section, oldest first, each with its replies' })
  @ApiOk(PageOf(CommentThreadResponse))
  list(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sectionId', ParseUUIDPipe) sectionId: string,
    @Query() query: CommentQuery,
  ) {
    return this.comments.list(user, id, sectionId, query);
  }

  @Post()
  @ApiOperation({
    summary: 'Comment or reply (`parentId`); mention users with `mentionedUserIds` or @e-mail in the text',
  })
  @ApiCreated(CommentResponse)
  create(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sectionId', ParseUUIDPipe) sectionId: string,
    @Body() dto: CreateCommentDto,
  ) {
    return this.comments.create(user, id, sectionId, dto);
  }

  @Patch(':commentId')
  @ApiOperation({ summary: 'Edit your comment' })
  @ApiOk(CommentResponse)
  update(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sectionId', ParseUUIDPipe) sectionId: string,
    @Param('commentId', ParseUUIDPipe) commentId: string,
    @Body() dto: UpdateCommentDto,
  ) {
    return this.comments.update(user, id, sectionId, commentId, dto.body);
  }

  @Post(':commentId/resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a comment thread resolved' })
  @ApiOk(CommentResponse)
  resolve(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sectionId', ParseUUIDPipe) sectionId: string,
    @Param('commentId', ParseUUIDPipe) commentId: string,
  ) {
    return this.comments.setResolved(user, id, sectionId, commentId, true);
  }

  @Post(':commentId/reopen')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reopen a resolved comment thread' })
  @ApiOk(CommentResponse)
  reopen(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sectionId', ParseUUIDPipe) sectionId: string,
    @Param('commentId', ParseUUIDPipe) commentId: string,
  ) {
    return this.comments.setResolved(user, id, sectionId, commentId, false);
  }

  @Delete(':commentId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete your comment (coordinators: any comment)' })
  @ApiNoContent()
  remove(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sectionId', ParseUUIDPipe) sectionId: string,
    @Param('commentId', ParseUUIDPipe) commentId: string,
  ) {
    return this.comments.remove(user, id, sectionId, commentId);
  }
}
