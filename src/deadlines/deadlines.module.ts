import { Module } from '@nestjs/common';
import { RemindersModule } from '../reminders/reminders.module.js';
import { DeadlineLinksController } from './deadline-links.controller.js';
import { DeadlineLinksService } from './deadline-links.service.js';
import { DeadlineTemplatesService } from './deadline-templates.service.js';
import { DeadlineVisibility } from './deadline-visibility.service.js';
import { DeadlinesController } from './deadlines.controller.js';
import { DeadlinesService } from './deadlines.service.js';

@Module({
  imports: [RemindersModule],
  controllers: [DeadlinesController, DeadlineLinksController],
  providers: [DeadlinesService, DeadlineVisibility, DeadlineTemplatesService, DeadlineLinksService],
  exports: [DeadlinesService, DeadlineVisibility],
})
export class DeadlinesModule {}
