import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
  UploadedFile,
} from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ActivityPageResponse } from '../activity/activity.response.js';
import { CurrentUser, MinRole } from '../common/auth.decorators.js';
import { PageQuery } from '../common/pagination.js';
import { ApiCreated, ApiFile, ApiOk, PageOf } from '../common/openapi.js';
import type { User } from '../users/user.entity.js';
import {
  ImportRecommendationsDto,
  ImportRecommendationsFileDto,
  RecommendationQuery,
} from './dto/recommendation.dto.js';
import { documentText } from './document-text.js';
import type { Upload } from '../files/files.service.js';
import { FileUpload } from '../opportunities/upload.decorators.js';
import { CreateReviewDto, ReviewQuery, UpdateReviewDto } from './dto/review.dto.js';
import { RecommendationsImportService } from './recommendations-import.service.js';
import { RecommendationsService } from './recommendations.service.js';
import { reviewCsv } from './review-export.js';
import { ImportResultResponse } from './recommendation-import.response.js';
import { RecommendationResponse } from './recommendation.response.js';
import { ReviewResponse } from './review.response.js';
import { ReviewsService } from './reviews.service.js';

import { DOCX_TYPE } from '../submissions/request-parsing.js';
const fileName = (review: { symbol: string | null; name: string }) =>
  (review.symbol ?? review.name)
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80) || 'review';

@ApiTags('reviews')
@Controller('reviews')
export class ReviewsController {
  constructor(
    private readonly reviews: ReviewsService,
    private readonly recommendations: RecommendationsService,
    private readonly importer: RecommendationsImportService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Reviews (a mechanism’s review of a State) I may see' })
  @ApiOk(PageOf(ReviewResponse))
  list(@CurrentUser() user: User, @Query() query: ReviewQuery) {
    return this.reviews.list(user, query);
  }

  @Post()
  @MinRole('coordinator')
  @ApiOperation({ summary: 'Record a review; its dates become deadlines (subjectType review) with reminders' })
  @ApiCreated(ReviewResponse)
  create(@CurrentUser() user: User, @Body() dto: CreateReviewDto) {
    return this.reviews.create(user, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A review with its dates' })
  @ApiOk(ReviewResponse)
  get(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string) {
    return this.reviews.get(user, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a review (coordinators); moving a date moves its deadlines' })
  @ApiOk(ReviewResponse)
  update(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateReviewDto) {
    return this.reviews.update(user, id, dto);
  }

  @Get(':id/activity')
  @ApiOperation({ summary: 'Who did what to this review, its recommendations, assessments and dates, newest first' })
  @ApiOk(ActivityPageResponse)
  activity(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string, @Query() query: PageQuery) {
    return this.reviews.history(user, id, query);
  }

  @Get(':id/recommendations')
  @ApiOperation({ summary: 'The review’s recommendations in document order, with their current status' })
  @ApiOk(PageOf(RecommendationResponse))
  recommendationList(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: RecommendationQuery,
  ) {
    return this.recommendations.list(user, id, query);
  }

  @Post(':id/recommendations/import')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Import pasted recommendations: dryRun true answers the preview and saves nothing; false saves all or nothing. ' +
      'The same text twice changes nothing. Text: 1 character to 1 MB.',
  })
  @ApiOk(ImportResultResponse, 413)
  import(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ImportRecommendationsDto) {
    return this.importer.import(user, id, dto);
  }

  @Post(':id/recommendations/import-file')
  @HttpCode(200)
  @FileUpload({ subjectType: 'review', idParam: 'id' }, 'A Word document (.docx), or UTF-8 text (.txt) or CSV (.csv)', {
    dryRun: { type: 'boolean', description: 'true: answer the preview and save nothing; false: save all or nothing' },
  })
  @ApiOperation({
    summary:
      'Import recommendations from an uploaded document (.docx, .txt or .csv) as from pasted text: the same preview, ' +
      'all-or-nothing save and idempotence. Text: 1 character to 1 MB.',
  })
  @ApiOk(ImportResultResponse, 413)
  async importFile(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ImportRecommendationsFileDto,
    @UploadedFile() file: Upload | undefined,
  ) {
    const { text, format } = await documentText(file);
    return this.importer.import(user, id, { text, format, dryRun: dto.dryRun });
  }

  @Get(':id/export.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The follow-up matrix as CSV (same filters as the list; paging ignored)' })
  @ApiFile(['text/csv'])
  async exportCsv(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: RecommendationQuery,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { review, rows } = await this.recommendations.exportRows(user, id, query);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${fileName(review)}.csv"`);
    return reviewCsv(rows);
  }

  @Get(':id/export.docx')
  @ApiProduces(DOCX_TYPE)
  @ApiOperation({ summary: 'The follow-up matrix as .docx: a table per cluster, in the reader’s language' })
  @ApiFile([DOCX_TYPE])
  async exportDocx(
    @CurrentUser() user: User,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: RecommendationQuery,
    @Res() res: Response,
  ) {
    const { review, rows } = await this.recommendations.exportRows(user, id, query);
    // Loaded on the first export: the docx library costs about 10 MB that most processes never need.
    const { reviewDocx } = await import('./review-docx.js');
    const buffer = await reviewDocx(review, rows, user.language);
    res.setHeader('Content-Type', DOCX_TYPE);
    res.setHeader('Content-Disposition', `attachment; filename="${fileName(review)}.docx"`);
    res.send(buffer);
  }
}
