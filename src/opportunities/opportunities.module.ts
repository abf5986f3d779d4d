import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import multer from 'multer';
import { AppConfig } from '../config/app-config.js';
import { FilesModule } from '../files/files.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { UsersModule } from '../users/users.module.js';
import { ChecklistController } from './checklist.controller.js';
import { ChecklistService } from './checklist.service.js';
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
    // Uploads are read into memory up to MAX_UPLOAD_BYTES (413 beyond), type-checked, then written to UPLOAD_DIR.
    MulterModule.registerAsync({
      useFactory: (config: AppConfig) => ({
        storage: multer.memoryStorage(),
        // Browsers send file names as UTF-8 without saying so; multer's default reads them as Latin-1.
        defParamCharset: 'utf8',
        limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10, parts: 11 },
      }),
      inject: [AppConfig],
    }),
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
    OrganizationDocumentsService,
    OpportunitiesCsvService,
  ],
  exports: [OpportunitiesService, ChecklistService],
})
export class OpportunitiesModule {}
