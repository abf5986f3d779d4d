import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../common/auth.decorators.js';
import { ApiCreated, ApiOk } from '../common/openapi.js';
import type { User } from '../users/user.entity.js';
import { AssessmentsService } from './assessments.service.js';
import { CreateAssessmentDto, UpdateRecommendationDto } from './dto/recommendation.dto.js';
import { RecommendationsService } from './recommendations.service.js';
import { AssessmentResponse, RecommendationDetailResponse } from './review.response.js';

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
}
