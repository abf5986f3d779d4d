import { WordCountController } from './word-count.controller.js';
import { PresenceController } from './presence.controller.js';
import { PresenceService } from './presence.service.js';
import { Module } from '@nestjs/common';
import { CommentsController } from './comments.controller.js';
import { CommentsService } from './comments.service.js';
import { DocumentController } from './document.controller.js';
import { DocumentService } from './document.service.js';
import { EndorsementsController } from './endorsements.controller.js';
import { EndorsementsService } from './endorsements.service.js';
import { RevisionsService } from './revisions.service.js';
import { SectionsController } from './sections.controller.js';
import { SectionsService } from './sections.service.js';
import { SubmissionAccessPolicy } from './submission-access.js';
import { SectionViews } from './section.views.js';
import { SubmissionViews } from './submission.views.js';
import { SubmissionsController } from './submissions.controller.js';
import { SubmissionsService } from './submissions.service.js';
import { TransitionsService } from './transitions.service.js';

import { NotificationsModule } from '../notifications/notifications.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';

/** Policy submissions: co-drafted sections with revisions, comments, endorsements and the assembled text. */
@Module({
  imports: [NotificationsModule, OrganizationsModule],
  controllers: [
    SubmissionsController,
    SectionsController,
    CommentsController,
    EndorsementsController,
    DocumentController,
    PresenceController,
    WordCountController,
  ],
  providers: [
    SubmissionAccessPolicy,
    SubmissionViews,
    SectionViews,
    SubmissionsService,
    TransitionsService,
    SectionsService,
    RevisionsService,
    CommentsService,
    EndorsementsService,
    DocumentService,
    PresenceService,
  ],
  exports: [SubmissionsService, DocumentService],
})
export class SubmissionsModule {}
