import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, UploadedFile, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../common/auth.decorators.js';
import { ApiCreated, ApiFile, ApiOk, UPLOAD_CONTENT_TYPES } from '../common/openapi.js';
import { fileResponse } from '../files/file-response.js';
import type { Upload } from '../files/files.service.js';
import { DocumentFileResponse } from '../opportunities/organization-document.response.js';
import { FileUpload } from '../opportunities/upload.decorators.js';
import type { User } from '../users/user.entity.js';
import { AssessmentsService } from './assessments.service.js';
import { MayAssessGuard } from './may-assess.guard.js';
import { CreateAssessmentDto, UpdateRecommendationDto } from './dto/recommendation.dto.js';
import { RecommendationsService } from './recommendations.service.js';
import { AssessmentResponse, RecommendationDetailResponse } from './recommendation.response.js';

@ApiTags('reviews')
@Controller('recommendations')
export class RecommendationsController {
  constructor(
    private readonly recommendations: RecommendationsService,
    private readonly assessments: AssessmentsService,
  ) {}

  @Get(':id')
  @ApiOperation({ summary: 'A recommendation: its current status (the latest assessment) and every assessment' })
  @ApiOk(RecommendationDetailResponse)
  get(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string) {
    return this.recommendations.get(user, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Tags, scope, responsible and following organisations, links (coordinators)' })
  @ApiOk(RecommendationDetailResponse)
  update(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateRecommendationDto) {
    return this.recommendations.update(user, id, dto);
  }

  @Post(':id/assessments')
  @ApiOperation({
    summary:
      'Add an assessment (coordinators; members of an organisation that follows it); history is never overwritten',
  })
  @ApiCreated(AssessmentResponse)
  assess(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateAssessmentDto) {
    return this.assessments.add(user, id, dto);
  }

  @Post(':id/evidence-files')
  @UseGuards(MayAssessGuard)
  @FileUpload()
  @ApiOperation({
    summary:
      'Upload a file of evidence (those who may assess); name its id as evidence fileId in the assessment that follows',
  })
  @ApiCreated(DocumentFileResponse, 403, 413, 415)
  uploadEvidence(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @UploadedFile() file: Upload | undefined,
  ) {
    return this.assessments.storeEvidence(user, id, file);
  }

  @Get(':id/evidence-files/:fileId')
  @ApiOperation({ summary: 'Download a file an assessment of this recommendation names as evidence' })
  @ApiFile(UPLOAD_CONTENT_TYPES)
  async downloadEvidence(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
  ) {
    const { file, stream } = await this.assessments.openEvidence(user, id, fileId);
    return fileResponse(file, stream);
  }
}
