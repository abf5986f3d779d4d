import { Foundation1763900000000 } from './1763900000000-foundation.js';
import { Opportunities1763900100000 } from './1763900100000-opportunities.js';
import { Submissions1763900200000 } from './1763900200000-submissions.js';
import { DeadlinesReminders1763900300000 } from './1763900300000-deadlines-reminders.js';
import { BackupRuns1764000000000 } from './1764000000000-backup-runs.js';
import { ChecklistWaiveReason1764010500000 } from './1764010500000-checklist-waive-reason.js';
import { DeliveriesPerReminderVersion1764100000000 } from './1764100000000-deliveries-per-reminder-version.js';
import { PartnerContacts1764100100000 } from './1764100100000-partner-contacts.js';
import { DeadlineListIndexes1764200000000 } from './1764200000000-deadline-list-indexes.js';
import { ActivityParams1764300000000 } from './1764300000000-activity-params.js';
import { NoticeParams1764400000000 } from './1764400000000-notice-params.js';
import { DeletedCommentText1764500000000 } from './1764500000000-deleted-comment-text.js';
import { Reviews1764600000000 } from './1764600000000-reviews.js';
import { OpportunityListIndexes1764700000000 } from './1764700000000-opportunity-list-indexes.js';

/** Every migration, in order. A new file in this folder must be added here (a unit test checks). */
export const MIGRATIONS = [
  Foundation1763900000000,
  Opportunities1763900100000,
  Submissions1763900200000,
  DeadlinesReminders1763900300000,
  BackupRuns1764000000000,
  ChecklistWaiveReason1764010500000,
  DeliveriesPerReminderVersion1764100000000,
  PartnerContacts1764100100000,
  DeadlineListIndexes1764200000000,
  ActivityParams1764300000000,
  NoticeParams1764400000000,
  DeletedCommentText1764500000000,
  Reviews1764600000000,
  OpportunityListIndexes1764700000000,
];
