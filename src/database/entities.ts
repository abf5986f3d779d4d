import { Activity } from '../activity/activity.entity.js';
import { ApiToken } from '../auth/api-token.entity.js';
import { Session } from '../auth/session.entity.js';
import { CalendarFeed } from '../calendar/calendar-feed.entity.js';
import { Deadline, DeadlineAssignee } from '../deadlines/deadline.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { TelegramLink } from '../reminders/channels/telegram-link.entity.js';
import { Delivery, Digest, Reminder } from '../reminders/reminder.entity.js';
import { User } from '../users/user.entity.js';

/** Every TypeORM entity of the app; the data source of the app, the CLI and the tests reads this list. */
export const ENTITIES = [Organization, User, Session, ApiToken, Activity, Deadline, DeadlineAssignee, Reminder, Delivery, Digest, CalendarFeed, TelegramLink];
