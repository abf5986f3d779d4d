import { describe, expect, it } from '@jest/globals';
import { ACTIVITY_ACTIONS } from '../shared/activity-actions.js';
import { paramsFromSummary, RULES } from './activity-summaries.js';

describe('params read back from the English summaries of rows older than params', () => {
  it('has a rule for every action the server records', () => {
    expect(ACTIVITY_ACTIONS.filter((action) => !RULES[action])).toEqual([]);
  });

  it.each([
    [
      'opportunity.transitioned',
      'Moved "Concept note: UNICEF" from screening to preparing: partners agreed',
      { stage: ['screening', 'preparing'], reason: 'partners agreed' },
      { title: 'Concept note: UNICEF', from: 'screening', to: 'preparing', reason: 'partners agreed' },
    ],
    [
      'opportunity.transition_overridden',
      'Moved "EU call" from preparing to submitted overriding 2 check(s): funder extended',
      { stage: ['preparing', 'submitted'], reason: 'x', override: { reason: 'x', blockers: ['a', 'b'] } },
      { title: 'EU call', from: 'preparing', to: 'submitted', reason: 'x', count: 2 },
    ],
    [
      'submission.transitioned',
      'Moved "Joint comment" from sign-off to submitted',
      { status: ['sign_off', 'submitted'], reason: null },
      { title: 'Joint comment', from: 'sign_off', to: 'submitted', reason: null },
    ],
    [
      'section.updated',
      'Saved version 4 of section "Introduction" of "CRC report"',
      { body: ['a', 'b'], version: [3, 4] },
      { version: 4, title: 'Introduction', submission: 'CRC report', fields: ['body'] },
    ],
    [
      'comment.created',
      'Commented on section "Findings" mentioning 1 user(s)',
      null,
      { section: 'Findings', count: 1 },
    ],
    ['comment.replied', 'Replied to a comment on section "Findings"', null, { section: 'Findings', count: 0 }],
    ['comment.deleted', 'Deleted a comment thread', null, { thread: true }],
    [
      'user.updated',
      'Network Administrator updated their language, notificationPreferences',
      null,
      { name: 'Network Administrator', fields: ['language', 'notificationPreferences'] },
    ],
    [
      'user.created',
      'Created member Sophea Chan <sophea@example.org> (invited)',
      null,
      { role: 'member', name: 'Sophea Chan', email: 'sophea@example.org', invited: true },
    ],
    [
      'deadline.created',
      'Set external deadline "Full proposal" for 2027-02-15T10:00:00.000Z (Europe/Zurich)',
      null,
      { kind: 'external', title: 'Full proposal', dueAt: '2027-02-15T10:00:00.000Z', timeZone: 'Europe/Zurich' },
    ],
    [
      'deadline.created',
      'Closing date of "UNICEF call": created deadline for 2027-02-15T10:00:00.000Z',
      null,
      { opportunity: 'UNICEF call', dueAt: '2027-02-15T10:00:00.000Z', closingDate: true },
    ],
    [
      'deadline.moved',
      'Changed dueAt, dueDate of deadline "Budget"',
      null,
      { fields: ['dueAt', 'dueDate'], title: 'Budget' },
    ],
    [
      'checklistItem.waived',
      'Marked "CVs" waived on "EU call": not asked this round',
      null,
      { title: 'CVs', opportunity: 'EU call', reason: 'not asked this round' },
    ],
    [
      'checklistItem.updated',
      'Dara marked "Registration" done from a reminder link',
      null,
      { actor: 'Dara', title: 'Registration', via: 'reminderLink' },
    ],
    [
      'partner.invited',
      'Invited Save the Children as co_applicant to "EU call"',
      null,
      { organization: 'Save the Children', role: 'co_applicant', opportunity: 'EU call' },
    ],
  ])('%s: %s', (action, summary, changes, params) => {
    expect(paramsFromSummary(action, summary, changes as Record<string, unknown> | null)).toEqual(params);
  });

  it('gives null for a summary it cannot read, or an action it does not know, so the summary is shown', () => {
    expect(paramsFromSummary('opportunity.updated', 'Something else entirely', null)).toBeNull();
    expect(paramsFromSummary('report.exported', 'Exported a report', null)).toBeNull();
  });
});
