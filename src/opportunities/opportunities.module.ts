import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module.js';
import { UploadsInMemory } from '../files/upload-module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { UsersModule } from '../users/users.module.js';
import { ChecklistController } from './checklist.controller.js';
import { ChecklistService } from './checklist.service.js';
import { ChecklistViews } from './checklist.views.js';
import { OpportunitiesCsvService } from './opportunities-csv.service.js';
import { OpportunitiesController } from './opportunities.controller.js';
import { OpportunitiesService } from './opportunities.service.js';
import { OpportunityAccess } from './opportunity-access.js';
import { OrganizationDocumentsAccessPolicy } from './organization-documents-access.js';
import { OrganizationDocumentsController } from './organization-documents.controller.js';
import { OrganizationDocumentsService } from './organization-documents.service.js';
import { PartnersController } from './partners.controller.js';
import { PartnersService } from './partners.service.js';
import { ReadinessService } from './readiness.service.js';
import { TransitionsService } from './transitions.service.js';

@Module({
  imports: [
    FilesModule,
    NotificationsModule,
    OrganizationsModule,
    UsersModule,
    // Uploads are type-checked, then written to UPLOAD_DIR.
    UploadsInMemory,
  ],
  controllers: [OpportunitiesController, PartnersController, ChecklistController, OrganizationDocumentsController],
  providers: [
    OpportunityAccess,
    OrganizationDocumentsAccessPolicy,
    OpportunitiesService,
    ReadinessService,
    TransitionsService,
    PartnersService,
    ChecklistService,
    ChecklistViews,
    OrganizationDocumentsService,
    OpportunitiesCsvService,
  ],
  exports: [OpportunitiesService, ChecklistService],
})
export class OpportunitiesModule {}
