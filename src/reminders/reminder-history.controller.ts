import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../common/auth.decorators.js';
import { DeadlinesService } from '../deadlines/deadlines.service.js';
import { ReminderScheduler } from '../deadlines/reminder-scheduler.service.js';
import type { Reminder } from '../deadlines/reminder.entity.js';
import type { User } from '../users/user.entity.js';
import { DeliveryRepository } from './delivery.repository.js';
import { ApiOk, ListOf } from '../common/openapi.js';
import { ReminderResponse } from '../deadlines/deadline.response.js';

export function reminderView(r: Reminder, deliveries: Record<string, number>) {
  return {
    id: r.id,
    kind: r.kind,
    offset: r.offset,
    fireAt: r.fireAt.toISOString(),
    status: r.status,
    version: r.version,
    firedAt: r.firedAt?.toISOString() ?? null,
    lastError: r.lastError,
    deliveries,
  };
}

@ApiTags('deadlines')
@Controller('deadlines')
export class ReminderHistoryController {
  constructor(
    private readonly deadlines: DeadlinesService,
    private readonly scheduler: ReminderScheduler,
    private readonly ledger: DeliveryRepository,
  ) {}

  @Get(':id/reminders')
  @ApiOperation({ summary: 'The reminders of a deadline: fire times, status and deliveries per channel' })
  @ApiOk(ListOf(ReminderResponse))
  async reminders(@CurrentUser() user: User, @Param('id', ParseUUIDPipe) id: string) {
    await this.deadlines.find(user, id);
    const reminders = await this.scheduler.listFor(id);
    const counts = await this.ledger.countsByReminder(reminders.map((r) => r.id));
    return { items: reminders.map((r) => reminderView(r, counts.get(r.id) ?? {})) };
  }
}
