import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module.js';
import { UploadsInMemory } from '../files/upload-module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { AssessmentsService } from './assessments.service.js';
import { RecommendationsImportService } from './recommendations-import.service.js';
import { RecommendationsController } from './recommendations.controller.js';
import { RecommendationsService } from './recommendations.service.js';
import { ReviewAccess } from './review-access.js';
import { ReviewsController } from './reviews.controller.js';
import { ReviewsService } from './reviews.service.js';

/** Follow-up of recommendations: reviews, their recommendations and assessments (docs/permissions.md, "Reviews"). */
@Module({
  imports: [OrganizationsModule, FilesModule, UploadsInMemory],
  controllers: [ReviewsController, RecommendationsController],
  providers: [ReviewAccess, ReviewsService, RecommendationsService, RecommendationsImportService, AssessmentsService],
  exports: [ReviewsService],
})
export class ReviewsModule {}
