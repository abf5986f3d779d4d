import { describe, expect, it } from '@jest/globals';
import {
  checkMove,
  checkPartnerStatus,
  checkTransition,
  FINAL_STAGES,
  STAGES,
  submitBlockers,
  blockerText,
  TRANSITIONS,
} from './opportunity.workflow.js';

describe('opportunity workflow', () => {
  it('walks the happy path identified → … → closed', () => {
    const path = ['identified', 'screening', 'preparing', 'submitted', 'awarded', 'reporting', 'closed'] as const;
    for (let i = 1; i < path.length; i++) expect(checkTransition(path[i - 1], path[i])).toEqual({ allowed: true });
  });

  it('allows no_go only from screening and declined only from submitted', () => {
    for (const from of STAGES) {
      expect(checkTransition(from, 'no_go').allowed).toBe(from === 'screening');
      expect(checkTransition(from, 'declined').allowed).toBe(from === 'submitted');
    }
  });

  it('allows withdrawing from every open stage and from no final one', () => {
    for (const from of ['identified', 'screening', 'preparing', 'submitted', 'awarded'] as const) {
      expect(checkTransition(from, 'withdrawn').allowed).toBe(true);
    }
    for (const from of [...FINAL_STAGES, 'reporting'] as const)
      expect(checkTransition(from, 'withdrawn').allowed).toBe(false);
  });

  it('gives a reason naming the allowed moves for every move the table refuses', () => {
    for (const from of STAGES) {
      for (const to of STAGES) {
        const verdict = checkTransition(from, to);
        expect(verdict.allowed).toBe(TRANSITIONS[from].includes(to));
        if (!verdict.allowed) expect(verdict.reason).toMatch(from === to ? /already in/ : new RegExp(`${from}.*${to}`));
      }
    }
    expect(checkTransition('identified', 'submitted')).toEqual({
      allowed: false,
      reason: 'An opportunity in identified can move to screening or withdrawn, not submitted',
    });
    expect(checkTransition('closed', 'reporting')).toMatchObject({ reason: expect.stringMatching(/final stage/) });
  });

  it('never lets a final stage move', () => {
    for (const from of FINAL_STAGES) expect(TRANSITIONS[from]).toEqual([]);
  });

  it('moves partner status invited → confirmed | declined and never back to invited', () => {
    expect(checkPartnerStatus('invited', 'confirmed').allowed).toBe(true);
    expect(checkPartnerStatus('invited', 'declined').allowed).toBe(true);
    expect(checkPartnerStatus('declined', 'confirmed').allowed).toBe(true);
    expect(checkPartnerStatus('confirmed', 'invited')).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/not invited/),
    });
  });
});

describe('submit guard', () => {
  const lead = { name: 'CJN', role: 'lead', status: 'confirmed' as const };
  it('is clear when every partner confirmed and every required item done or waived', () => {
    const items = [
      { title: 'Budget', required: true, status: 'done' as const },
      { title: 'CVs', required: true, status: 'waived' as const },
      { title: 'Photos', required: false, status: 'todo' as const },
    ];
    expect(submitBlockers([lead], items)).toEqual([]);
  });

  it('names each unconfirmed partner, missing lead and open required item', () => {
    const blockers = submitBlockers(
      [{ name: 'LAC', role: 'co_applicant', status: 'invited' }],
      [{ title: 'Audited accounts', required: true, status: 'todo', owner: 'LAC' }],
    );
    expect(blockers).toEqual([
      { code: 'noLead', params: {} },
      { code: 'partnerUnconfirmed', params: { name: 'LAC', status: 'invited' } },
      { code: 'itemNotDone', params: { title: 'Audited accounts', owner: 'LAC' } },
    ]);
    expect(blockers.map(blockerText)).toEqual([
      'The consortium has no lead partner',
      'LAC has not confirmed (status invited)',
      'Required checklist item "Audited accounts" (LAC) is not done',
    ]);
  });

  it('counts a done item resting on an expired document as open', () => {
    expect(
      submitBlockers([lead], [{ title: 'Registration', required: true, status: 'done', documentExpired: true }]),
    ).toHaveLength(1);
  });

  it('lets only a coordinator override, and only with a reason', () => {
    const blockers = ['LAC has not confirmed'];
    expect(checkMove('preparing', { to: 'submitted' }, blockers, true)).toMatchObject({ ok: false, status: 409 });
    expect(checkMove('preparing', { to: 'submitted', override: true }, blockers, true)).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(checkMove('preparing', { to: 'submitted', override: true, reason: 'x' }, blockers, false)).toMatchObject({
      ok: false,
      status: 409,
    });
    expect(
      checkMove('preparing', { to: 'submitted', override: true, reason: 'Funder agreed' }, blockers, true),
    ).toEqual({
      ok: true,
      overridden: blockers,
    });
  });

  it('asks for the awarded amount', () => {
    expect(checkMove('submitted', { to: 'awarded' }, [], true)).toMatchObject({ ok: false, status: 400 });
    expect(checkMove('submitted', { to: 'awarded', awardedAmount: '1000.00' }, [], true)).toEqual({
      ok: true,
      overridden: [],
    });
  });
});
