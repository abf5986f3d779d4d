import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  UploadedFile,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../common/auth.decorators.js';
import { fileResponse } from '../files/file-response.js';
import type { Upload } from '../files/files.service.js';
import type { User } from '../users/user.entity.js';
import { ChecklistService } from './checklist.service.js';
import { ChecklistQuery, CreateChecklistItemDto, UpdateChecklistItemDto } from './dto/checklist.dto.js';
import { FileUpload } from './upload.decorators.js';
import { ApiCreated, ApiFile, ApiNoContent, ApiOk, PageOf, UPLOAD_CONTENT_TYPES } from '../common/openapi.js';
import { ChecklistItemResponse } from './checklist.response.js';

@ApiTags('opportunities')
@Controller('opportunities/:id/checklist')
export class ChecklistController {
  constructor(private readonly checklist: ChecklistService) {}

  @Get()
  @ApiOperation({ summary: 'What each partner still owes' })
  @ApiOk(PageOf(ChecklistItemResponse))
  list(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string, @Query() query: ChecklistQuery) {
    return this.checklist.list(user, id, query);
  }

  @Post()
  @ApiOperation({ summary: 'Add an item (coordinators)' })
  @ApiCreated(ChecklistItemResponse)
  create(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateChecklistItemDto) {
    return this.checklist.create(user, id, dto);
  }

  @Get(':itemId')
  @ApiOperation({ summary: 'One checklist item' })
  @ApiOk(ChecklistItemResponse)
  get(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('itemId', ParseUUIDPipe) itemId: string,
  ) {
    return this.checklist.get(user, id, itemId);
  }

  @Patch(':itemId')
  @ApiOperation({
    summary: "Coordinators change anything; the owing organisation's members its status, link and document",
  })
  @ApiOk(ChecklistItemResponse)
  update(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @Body() dto: UpdateChecklistItemDto,
  ) {
    return this.checklist.update(user, id, itemId, dto);
  }

  @Delete(':itemId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a checklist item (coordinators)' })
  @ApiNoContent()
  remove(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('itemId', ParseUUIDPipe) itemId: string,
  ) {
    return this.checklist.remove(user, id, itemId);
  }

  @Post(':itemId/file')
  @FileUpload({ subjectType: 'checklistItem', idParam: 'itemId' })
  @ApiOperation({ summary: 'Upload the document for this item (type checked by content, size-limited)' })
  @ApiCreated(ChecklistItemResponse, 413, 415)
  upload(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @UploadedFile() file: Upload | undefined,
  ) {
    return this.checklist.upload(user, id, itemId, file);
  }

  @Get(':itemId/file')
  @ApiOperation({ summary: "Download the item's file (or its organisation document's file)" })
  @ApiFile(UPLOAD_CONTENT_TYPES)
  async download(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('itemId', ParseUUIDPipe) itemId: string,
  ) {
    const { file, stream } = await this.checklist.download(user, id, itemId);
    return fileResponse(file, stream);
  }
}
