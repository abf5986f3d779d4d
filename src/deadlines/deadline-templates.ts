import { DateTime } from 'luxon';
import { KM_TEMPLATE_TEXT } from './deadline-templates.km.js';
import { canonicalZone, type DeadlineKind, parseOffset } from './reminder-times.js';

export interface TemplateStep {
  title: string;
  /** How long before the anchor deadline (ISO 8601, days or weeks). */
  before: string;
  kind: DeadlineKind;
}

export interface DeadlineTemplate {
  id: string;
  name: string;
  /** What the deadline the steps are counted back from stands for. */
  anchor: string;
  description: string;
  steps: TemplateStep[];
}

export const DEADLINE_TEMPLATES: DeadlineTemplate[] = [
  {
    id: 'grant-application',
    name: 'Grant application (consortium)',
    anchor: "The funder's submission deadline",
    description:
      'Partner drafts, documents each partner owes, internal review and sign-off before the funder closes the call.',
    steps: [
      { title: 'Partner drafts of their sections due', before: 'P21D', kind: 'internal' },
      { title: 'Partner documents due (registration, budgets, CVs)', before: 'P17D', kind: 'internal' },
      { title: 'Internal review of the full draft', before: 'P14D', kind: 'internal' },
      { title: 'Budget and budget narrative final', before: 'P10D', kind: 'internal' },
      { title: 'Sign-off by all partners', before: 'P5D', kind: 'internal' },
      { title: 'Final check and upload to the funder portal', before: 'P1D', kind: 'internal' },
    ],
  },
  {
    id: 'crc-alternative-report',
    name: 'CRC alternative report',
    anchor: "Date of the CRC Committee's pre-sessional working group",
    description:
      'Counted back from the pre-sessional working group: consultations (including with children), chapters, validation, ' +
      'sign-off and submission to the Committee about three months before the pre-session.',
    steps: [
      { title: 'Consultations with partners and children completed', before: 'P180D', kind: 'internal' },
      { title: 'Chapter drafts due from partners', before: 'P150D', kind: 'internal' },
      { title: 'Validation workshop with the network', before: 'P120D', kind: 'internal' },
      { title: 'Network sign-off of the final report', before: 'P100D', kind: 'internal' },
      { title: 'Alternative report submitted to the CRC Committee', before: 'P90D', kind: 'external' },
      { title: 'Briefing notes for the pre-session ready', before: 'P14D', kind: 'internal' },
    ],
  },
  {
    id: 'general-comment-consultation',
    name: 'General Comment consultation',
    anchor: 'The deadline for comments on the draft General Comment',
    description:
      'A joint comment on a draft General Comment: inputs, first draft, partner comments, endorsements and sign-off.',
    steps: [
      { title: "Partners' inputs and evidence collected", before: 'P28D', kind: 'internal' },
      { title: 'First draft of the joint comment circulated', before: 'P21D', kind: 'internal' },
      { title: 'Partner comments on the draft due', before: 'P14D', kind: 'internal' },
      { title: 'Endorsements (sign-on) collected', before: 'P7D', kind: 'internal' },
      { title: 'Final sign-off', before: 'P3D', kind: 'internal' },
    ],
  },
  {
    id: 'recommendations-follow-up',
    name: 'Follow-up of recommendations',
    anchor: 'A date of the review cycle: the follow-up report or the List of Issues',
    description:
      "Counted back from a date of the treaty body's cycle: the following organisations' status check of the " +
      'recommendations, evidence, the draft follow-up information, sign-off and sending it to the Committee.',
    steps: [
      { title: 'Status check of the recommendations by the following organisations', before: 'P90D', kind: 'internal' },
      { title: 'Evidence of implementation collected from partners', before: 'P60D', kind: 'internal' },
      { title: 'Draft follow-up information circulated to the network', before: 'P45D', kind: 'internal' },
      { title: 'Network sign-off of the follow-up information', before: 'P30D', kind: 'internal' },
      { title: 'Follow-up information sent to the Committee', before: 'P14D', kind: 'external' },
    ],
  },
];

export function findTemplate(id: string): DeadlineTemplate | undefined {
  return DEADLINE_TEMPLATES.find((t) => t.id === id);
}

/** The template in the reader's language (Khmer from `deadline-templates.km.ts`, else as written). */
export function templateIn(language: string | null | undefined, template: DeadlineTemplate): DeadlineTemplate {
  const km = language === 'km' ? KM_TEMPLATE_TEXT[template.id] : undefined;
  if (!km) return template;
  return {
    ...template,
    name: km.name,
    anchor: km.anchor,
    description: km.description,
    steps: template.steps.map((step, i) => ({ ...step, title: km.steps[i] ?? step.title })),
  };
}

/** A step's title in every language, to recognise a step already added by someone reading another. */
export function stepTitles(template: DeadlineTemplate, index: number): string[] {
  return [template.steps[index].title, KM_TEMPLATE_TEXT[template.id]?.steps[index]].filter((title): title is string =>
    Boolean(title),
  );
}

export interface PlannedDeadline {
  title: string;
  kind: DeadlineKind;
  dueAt: Date;
  /** Set when the anchor is date-only: the step is date-only too. */
  dueDate: string | null;
  timeZone: string;
}

/**
 * The deadlines a template adds before an anchor deadline, counted back in calendar
 * days in the anchor's zone: a date-only anchor gives date-only steps (end of that
 * day), a timed anchor gives steps at the same wall-clock time.
 */
export function planTemplate(
  template: DeadlineTemplate,
  anchor: { dueAt: Date; dueDate: string | null; timeZone: string },
): PlannedDeadline[] {
  const zone = canonicalZone(anchor.timeZone) ?? anchor.timeZone;
  const base = DateTime.fromJSDate(anchor.dueAt, { zone });
  return template.steps.map((step) => {
    const before = parseOffset(step.before);
    if (!before) throw new Error(`Template ${template.id} has a bad offset ${step.before}`);
    if (anchor.dueDate) {
      const day = DateTime.fromISO(anchor.dueDate, { zone }).minus(before);
      return {
        title: step.title,
        kind: step.kind,
        dueDate: day.toISODate()!,
        dueAt: day.set({ hour: 23, minute: 59, second: 59, millisecond: 0 }).toJSDate(),
        timeZone: zone,
      };
    }
    return { title: step.title, kind: step.kind, dueDate: null, dueAt: base.minus(before).toJSDate(), timeZone: zone };
  });
}
