import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module.js';
import { CalendarController } from './calendar.controller.js';
import { CalendarService } from './calendar.service.js';

@Module({ imports: [DeadlinesModule], controllers: [CalendarController], providers: [CalendarService] })
export class CalendarModule {}
