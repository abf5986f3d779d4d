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
  Res,
  UploadedFile,
} from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Response } from 'express';
import { CurrentUser, MinRole } from '../common/auth.decorators.js';
import { PageQuery } from '../common/pagination.js';
import type { Upload } from '../files/files.service.js';
import type { User } from '../users/user.entity.js';
import {
  CreateOpportunityDto,
  OpportunityQuery,
  OpportunityTransitionDto,
  UpdateOpportunityDto,
} from './dto/opportunity.dto.js';
import { OpportunitiesCsvService } from './opportunities-csv.service.js';
import { OpportunitiesService } from './opportunities.service.js';
import { TransitionsService } from './transitions.service.js';
import { FileUpload } from './upload.decorators.js';
import { ActivityPageResponse } from '../activity/activity.response.js';
import { ApiCreated, ApiFile, ApiNoContent, ApiOk, PageOf } from '../common/openapi.js';
import {
  ImportReportResponse,
  OpportunityDetailResponse,
  OpportunityListItemResponse,
  OpportunityResponse,
} from './opportunity.response.js';

export class ImportQuery {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    enumName: 'BooleanString',
    default: 'false',
    description: 'Only check the file and report every bad row',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}

@ApiTags('opportunities')
@Controller('opportunities')
export class OpportunitiesController {
  constructor(
    private readonly opportunities: OpportunitiesService,
    private readonly transitions: TransitionsService,
    private readonly csv: OpportunitiesCsvService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The pipeline: opportunities I may see, filtered and sorted' })
  @ApiOk(PageOf(OpportunityListItemResponse))
  list(@CurrentUser() user: User, @Query() query: OpportunityQuery) {
    return this.opportunities.list(user, query);
  }

  @Get('export.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The pipeline as CSV (same filters as the list; paging ignored)' })
  @ApiFile(['text/csv'])
  async export(@CurrentUser() user: User, @Query() query: OpportunityQuery, @Res({ passthrough: true }) res: Response) {
    const csv = await this.csv.export(user, query);
    // Set only on success: a refused request keeps its JSON error body and type.
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="opportunities.csv"');
    return csv;
  }

  @Post('import')
  @MinRole('coordinator')
  @HttpCode(200)
  @FileUpload(
    undefined,
    'CSV with a header line: title, funder, callReference, url, description, tags, amountMin, amountMax, currency, closesAt, owner, visibility, stage',
  )
  @ApiOperation({
    summary: 'Import opportunities from CSV: all or nothing; dryRun=true reports every bad row with its line',
  })
  @ApiOk(ImportReportResponse, 413, 415)
  import(@CurrentUser() user: User, @Query() query: ImportQuery, @UploadedFile() file: Upload | undefined) {
    return this.csv.import(user, file, query.dryRun === 'true');
  }

  @Post()
  @MinRole('coordinator')
  @ApiOperation({ summary: 'Record a grant call' })
  @ApiCreated(OpportunityResponse)
  create(@CurrentUser() user: User, @Body() dto: CreateOpportunityDto) {
    return this.opportunities.create(user, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An opportunity with its budget totals per currency and what still blocks submission' })
  @ApiOk(OpportunityDetailResponse)
  get(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string) {
    return this.opportunities.get(user, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change an opportunity (coordinators)' })
  @ApiOk(OpportunityResponse)
  update(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateOpportunityDto) {
    return this.opportunities.update(user, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Archive an opportunity (it leaves the pipeline; its history stays)' })
  @ApiNoContent()
  archive(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string) {
    return this.opportunities.archive(user, id);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move along the pipeline; 409 with the reason when the move is not allowed' })
  @ApiOk(OpportunityResponse)
  transition(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string, @Body() dto: OpportunityTransitionDto) {
    return this.transitions.transition(user, id, dto);
  }

  @Get(':id/activity')
  @ApiOperation({ summary: 'Who did what to this opportunity, its partners and checklist, newest first' })
  @ApiOk(ActivityPageResponse)
  activity(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string, @Query() query: PageQuery) {
    return this.opportunities.history(user, id, query);
  }
}
