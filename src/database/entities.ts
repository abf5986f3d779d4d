import { Activity } from '../activity/activity.entity.js';
import { BackupRun } from '../backup/backup-run.entity.js';
import { ApiToken } from '../auth/api-token.entity.js';
import { Session } from '../auth/session.entity.js';
import { CalendarFeed } from '../calendar/calendar-feed.entity.js';
import { Deadline, DeadlineAssignee } from '../deadlines/deadline.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Reminder } from '../deadlines/reminder.entity.js';
import { Digest } from '../notifications/digest.entity.js';
import { TelegramBlockedChat } from '../notifications/telegram-blocked-chat.entity.js';
import { TelegramLink } from '../notifications/telegram-link.entity.js';
import { Delivery } from '../reminders/delivery.entity.js';
import { SectionComment } from '../submissions/comment.entity.js';
import { Endorsement } from '../submissions/endorsement.entity.js';
import { Section, SectionRevision } from '../submissions/section.entity.js';
import { SubmissionSnapshot } from '../submissions/snapshot.entity.js';
import { Submission, SubmissionPartner } from '../submissions/submission.entity.js';
import { User } from '../users/user.entity.js';
import { StoredFile } from '../files/stored-file.entity.js';
import { Notification } from '../notifications/notification.entity.js';
import { ChecklistItem } from '../opportunities/checklist-item.entity.js';
import { Opportunity } from '../opportunities/opportunity.entity.js';
import { OrganizationDocument } from '../opportunities/organization-document.entity.js';
import { Partner } from '../opportunities/partner.entity.js';
import { Assessment, Recommendation } from '../reviews/recommendation.entity.js';
import { Review, ReviewDate } from '../reviews/review.entity.js';

/** Every TypeORM entity of the app; the data source of the app, the CLI and the tests reads this list. */
export const ENTITIES = [
  Organization,
  User,
  Session,
  ApiToken,
  Activity,
  StoredFile,
  Notification,
  Opportunity,
  Partner,
  ChecklistItem,
  OrganizationDocument,
  Submission,
  SubmissionPartner,
  Section,
  SectionRevision,
  SectionComment,
  Endorsement,
  SubmissionSnapshot,
  Deadline,
  DeadlineAssignee,
  Reminder,
  Delivery,
  Digest,
  CalendarFeed,
  TelegramLink,
  TelegramBlockedChat,
  BackupRun,
  Review,
  ReviewDate,
  Recommendation,
  Assessment,
];
