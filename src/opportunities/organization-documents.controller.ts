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
import { CreateDocumentDto, DocumentQuery, UpdateDocumentDto } from './dto/document.dto.js';
import { OrganizationDocumentsService } from './organization-documents.service.js';
import { ORGANIZATION_DOCUMENTS } from './organization-documents-access.js';
import { FileUpload } from './upload.decorators.js';
import { ApiCreated, ApiFile, ApiNoContent, ApiOk, PageOf, UPLOAD_CONTENT_TYPES } from '../common/openapi.js';
import { OrganizationDocumentResponse } from './organization-document.response.js';

@ApiTags('organizations')
@Controller('organizations/:id/documents')
export class OrganizationDocumentsController {
  constructor(private readonly documents: OrganizationDocumentsService) {}

  @Get()
  @ApiOperation({ summary: "An organisation's recurring documents with their expiry (its members and coordinators)" })
  @ApiOk(PageOf(OrganizationDocumentResponse))
  list(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string, @Query() query: DocumentQuery) {
    return this.documents.list(user, id, query);
  }

  @Post()
  @ApiOperation({ summary: 'Record a document of the organisation (a link, or upload its file next)' })
  @ApiCreated(OrganizationDocumentResponse)
  create(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateDocumentDto) {
    return this.documents.create(user, id, dto);
  }

  @Get(':documentId')
  @ApiOperation({ summary: 'One document of the organisation' })
  @ApiOk(OrganizationDocumentResponse)
  get(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('documentId', ParseUUIDPipe) documentId: string,
  ) {
    return this.documents.get(user, id, documentId);
  }

  @Patch(':documentId')
  @ApiOperation({ summary: 'Change a document: title, kind, link, expiry' })
  @ApiOk(OrganizationDocumentResponse)
  update(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('documentId', ParseUUIDPipe) documentId: string,
    @Body() dto: UpdateDocumentDto,
  ) {
    return this.documents.update(user, id, documentId, dto);
  }

  @Delete(':documentId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a document' })
  @ApiNoContent()
  remove(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('documentId', ParseUUIDPipe) documentId: string,
  ) {
    return this.documents.remove(user, id, documentId);
  }

  @Post(':documentId/file')
  @FileUpload({ subjectType: ORGANIZATION_DOCUMENTS, idParam: 'id' })
  @ApiOperation({ summary: 'Upload the file of a document (type checked by content, size-limited)' })
  @ApiCreated(OrganizationDocumentResponse, 413, 415)
  upload(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('documentId', ParseUUIDPipe) documentId: string,
    @UploadedFile() file: Upload | undefined,
  ) {
    return this.documents.upload(user, id, documentId, file);
  }

  @Get(':documentId/file')
  @ApiOperation({ summary: "Download the document's file" })
  @ApiFile(UPLOAD_CONTENT_TYPES)
  async download(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('documentId', ParseUUIDPipe) documentId: string,
  ) {
    const { file, stream } = await this.documents.download(user, id, documentId);
    return fileResponse(file, stream);
  }
}
