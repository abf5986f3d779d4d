import { DateTime } from 'luxon';
import { findTemplate, planTemplate } from '../deadlines/deadline-templates.js';
import { canonicalZone, DEFAULT_OFFSETS, type DeadlineKind, resolveDueAt } from '../deadlines/reminder-times.js';
import { planReminders } from '../deadlines/reminder-plan.js';
import type { SeedContext } from './seed-context.js';

interface DemoDeadline {
  subject: { table: 'opportunities' | 'checklist_items' | 'submissions'; type: string; title: string };
  title: string;
  kind: DeadlineKind;
  /** days from today, and the time there (omitted: a whole day) */
  inDays: number;
  at?: string;
  timeZone: string;
  assignees?: string[];
  template?: string;
  overdueReminder?: boolean;
}

const DEMO: DemoDeadline[] = [
  {
    subject: {
      table: 'opportunities',
      type: 'opportunity',
      title: 'EU CSO-LA Cambodia 2026: access to justice for children in conflict with the law',
    },
    title: 'Full application to the EU Delegation (PROSPECT)',
    kind: 'external',
    inDays: 30,
    at: '12:00',
    timeZone: 'Europe/Brussels',
    assignees: ['coordinator'],
    template: 'grant-application',
    overdueReminder: true,
  },
  // Two already late, so a fresh install's dashboard shows what is overdue (marked missed when the app starts).
  {
    subject: { table: 'checklist_items', type: 'checklistItem', title: 'Detailed budget (Annex III)' },
    title: 'CRC-Cambodia detailed budget (Annex III) to the lead',
    kind: 'internal',
    inDays: -2,
    timeZone: 'Asia/Phnom_Penh',
    assignees: ['coordinator'],
  },
  {
    subject: {
      table: 'submissions',
      type: 'submission',
      title: 'Response to the OECD Draft Recommendation on Access to Justice and People-centred Justice Systems',
    },
    title: 'Partners’ answers to the consultation questions',
    kind: 'internal',
    inDays: -1,
    timeZone: 'Asia/Phnom_Penh',
    assignees: ['coordinator'],
  },
  {
    subject: { table: 'checklist_items', type: 'checklistItem', title: 'Audited accounts (last 2 years)' },
    title: 'LAC audited accounts uploaded',
    kind: 'internal',
    inDays: 10,
    timeZone: 'Asia/Phnom_Penh',
    assignees: ['lacMember'],
  },
  {
    subject: {
      table: 'submissions',
      type: 'submission',
      title: 'Comment on the first draft of General Comment No. 26 on children’s rights and the environment',
    },
    title: 'Comments on the draft General Comment due to the CRC Committee',
    kind: 'external',
    inDays: 24,
    timeZone: 'Europe/Geneva',
    assignees: ['coCoordinator'],
    template: 'general-comment-consultation',
  },
  {
    subject: {
      table: 'submissions',
      type: 'submission',
      title: 'Response to the OECD Draft Recommendation on Access to Justice and People-centred Justice Systems',
    },
    title: 'OECD public consultation closes',
    kind: 'external',
    inDays: 45,
    at: '17:00',
    timeZone: 'Europe/Paris',
    assignees: ['coordinator'],
  },
];

/**
 * Demo deadlines on the seeded opportunities, checklist items and submissions, with
 * their reminder rows. No queue jobs are added here: the workers' reconciler enqueues
 * every scheduled reminder at start-up, since Postgres holds the truth.
 */
export async function seedDeadlines(ctx: SeedContext): Promise<void> {
  const now = ctx.clock.now();
  let created = 0;
  for (const demo of DEMO) {
    const [subject] = await ctx.db.query(`SELECT id FROM ${demo.subject.table} WHERE title = $1 LIMIT 1`, [
      demo.subject.title,
    ]);
    if (!subject) continue;
    const zone = canonicalZone(demo.timeZone)!;
    const day = DateTime.fromJSDate(now, { zone }).plus({ days: demo.inDays }).toISODate()!;
    const due = demo.at
      ? { dueAt: resolveDueAt({ dueAt: `${day}T${demo.at}`, timeZone: zone }), dueDate: null }
      : { dueAt: resolveDueAt({ dueDate: day, timeZone: zone }), dueDate: day };
    const anchorId = await insertDeadline(
      ctx,
      {
        ...demo,
        ...due,
        timeZone: zone,
        subjectType: demo.subject.type,
        subjectId: subject.id,
        parentId: null,
        templateId: null,
      },
      now,
    );
    if (anchorId.created) created += 1;
    const template = demo.template ? findTemplate(demo.template) : undefined;
    if (!template) continue;
    for (const step of planTemplate(template, { ...due, timeZone: zone })) {
      if (step.dueAt <= now) continue;
      const child = await insertDeadline(
        ctx,
        {
          ...step,
          assignees: demo.assignees,
          subjectType: demo.subject.type,
          subjectId: subject.id,
          parentId: anchorId.id,
          templateId: template.id,
        },
        now,
      );
      if (child.created) created += 1;
    }
  }
  ctx.log(`deadlines: ${created} added`);
}

export async function insertDeadline(
  ctx: SeedContext,
  d: {
    title: string;
    kind: DeadlineKind;
    dueAt: Date;
    dueDate: string | null;
    timeZone: string;
    subjectType: string;
    subjectId: string;
    parentId: string | null;
    templateId: string | null;
    assignees?: string[];
    overdueReminder?: boolean;
  },
  now: Date,
): Promise<{ id: string; created: boolean }> {
  const [found] = await ctx.db.query(
    `SELECT id FROM deadlines WHERE subject_type = $1 AND subject_id = $2 AND title = $3`,
    [d.subjectType, d.subjectId, d.title],
  );
  if (found) return { id: found.id, created: false };
  const offsets = DEFAULT_OFFSETS[d.kind];
  const createdBy = ctx.users.coordinator?.id ?? null;
  return ctx.db.transaction(async (manager) => {
    const [row] = await manager.query(
      `INSERT INTO deadlines (subject_type, subject_id, title, kind, due_at, due_date, time_zone, reminder_offsets, overdue_reminder, parent_id, template_id, created_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) RETURNING id`,
      [
        d.subjectType,
        d.subjectId,
        d.title,
        d.kind,
        d.dueAt,
        d.dueDate,
        d.timeZone,
        offsets,
        d.overdueReminder ?? false,
        d.parentId,
        d.templateId,
        createdBy,
      ],
    );
    for (const key of d.assignees ?? []) {
      const user = ctx.users[key];
      if (user)
        await manager.query(
          `INSERT INTO deadline_assignees (deadline_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
          [row.id, user.id],
        );
    }
    const plan = planReminders(
      {
        dueAt: d.dueAt,
        timeZone: d.timeZone,
        status: 'open',
        reminderOffsets: offsets,
        overdueReminder: d.overdueReminder ?? false,
      },
      [],
      now,
    );
    for (const r of plan) {
      await manager.query(
        `INSERT INTO reminders (deadline_id, kind, "offset", fire_at, status, version) VALUES ($1,$2,$3,$4,$5,$6)`,
        [row.id, r.kind, r.offset, r.fireAt, r.status, r.version],
      );
    }
    await manager.query(
      `INSERT INTO activity (actor_id, action, subject_type, subject_id, summary, changes, params) VALUES ($1, 'deadline.created', 'deadline', $2, $3, $4, $5)`,
      [
        createdBy,
        row.id,
        `Set ${d.kind} deadline "${d.title}" (demo data)`,
        JSON.stringify({ subjectType: d.subjectType, subjectId: d.subjectId }),
        JSON.stringify({
          kind: d.kind,
          title: d.title,
          dueAt: d.dueAt.toISOString(),
          dueDate: d.dueDate,
          timeZone: d.timeZone,
        }),
      ],
    );
    return { id: row.id as string, created: true };
  });
}
