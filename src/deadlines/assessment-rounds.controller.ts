import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../common/auth.decorators.js';
import { ApiCreated } from '../common/openapi.js';
import type { User } from '../users/user.entity.js';
import { AssessmentRoundResponse } from './deadline.response.js';
import { AskAssessmentRoundDto } from './dto/assessment-round.dto.js';
import { ReviewDeadlines } from './review-deadlines.service.js';

@ApiTags('reviews')
@Controller('reviews')
export class AssessmentRoundsController {
  constructor(private readonly reviewDeadlines: ReviewDeadlines) {}

  @Post(':id/assessment-rounds')
  @ApiOperation({
    summary: 'Ask the organisations that follow the review’s recommendations for a round of assessments by a day',
  })
  @ApiCreated(AssessmentRoundResponse, 403, 404)
  async ask(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AskAssessmentRoundDto) {
    return { deadlines: await this.reviewDeadlines.askRound(user, id, dto) };
  }
}
