import { describe, expect, it } from '@jest/globals';
import {
  checkTransition,
  isFrozen,
  SUBMISSION_STATUSES,
  SUBMISSION_TRANSITIONS,
  type TransitionFacts,
} from './submission.workflow.js';

const none: TransitionFacts = { sections: [], requiredSigners: [], endorsedOrganizationIds: [] };
const readySections: TransitionFacts = {
  ...none,
  sections: [
    { title: 'Introduction', status: 'ready' },
    { title: 'Access to justice', status: 'approved' },
  ],
};

describe('submission workflow', () => {
  it('walks the happy path planned → drafting → review → sign_off → submitted → published', () => {
    const facts: TransitionFacts = {
      ...readySections,
      requiredSigners: [{ organizationId: 'a', name: 'CRC-Cambodia' }],
      endorsedOrganizationIds: ['a'],
    };
    const path = ['planned', 'drafting', 'review', 'sign_off', 'submitted', 'published'] as const;
    for (let i = 1; i < path.length; i++) {
      expect(checkTransition(path[i - 1], path[i], facts)).toEqual({ allowed: true, blockers: [], problems: [] });
    }
  });

  it('refuses moves that skip steps, with a reason naming where it can go', () => {
    const check = checkTransition('planned', 'submitted', none);
    expect(check.allowed).toBe(false);
    expect(check.reason).toContain('cannot move from planned to submitted');
    expect(check.reason).toContain('drafting');
    expect(check).toMatchObject({ code: 'submission.moveNotAllowed', next: ['drafting', 'withdrawn'] });
  });

  it('withdrawn is reachable from every open status and not after submission', () => {
    for (const from of ['planned', 'drafting', 'review', 'sign_off'] as const) {
      expect(checkTransition(from, 'withdrawn', none).allowed).toBe(true);
    }
    expect(checkTransition('submitted', 'withdrawn', none).allowed).toBe(false);
    expect(checkTransition('published', 'withdrawn', none).allowed).toBe(false);
  });

  it('published is final and a move to the same status is refused', () => {
    expect(SUBMISSION_TRANSITIONS.published).toEqual([]);
    expect(checkTransition('published', 'drafting', none).reason).toContain('final');
    expect(checkTransition('drafting', 'drafting', none).reason).toContain('already drafting');
  });

  it('every target in the table is a known status', () => {
    for (const targets of Object.values(SUBMISSION_TRANSITIONS)) {
      for (const t of targets) expect(SUBMISSION_STATUSES).toContain(t);
    }
  });

  it('review needs every section ready or approved, naming those that are not', () => {
    const facts: TransitionFacts = {
      ...none,
      sections: [
        { title: 'Introduction', status: 'ready' },
        { title: 'Recommendations', status: 'drafting' },
        { title: 'Annex', status: 'not_started' },
      ],
    };
    const check = checkTransition('drafting', 'review', facts);
    expect(check.allowed).toBe(true);
    expect(check.blockers).toHaveLength(1);
    expect(check.blockers[0]).toContain('"Recommendations"');
    expect(check.blockers[0]).toContain('"Annex"');
    expect(check.blockers[0]).not.toContain('Introduction');
    expect(check.problems).toEqual([{ code: 'submission.sectionsNotReady', sections: ['Recommendations', 'Annex'] }]);
    expect(checkTransition('drafting', 'review', readySections).blockers).toEqual([]);
  });

  it('review with no sections is blocked', () => {
    expect(checkTransition('drafting', 'review', none).blockers).toEqual(['The submission has no sections yet']);
  });

  it('going back to review from sign-off does not need the sections ready again', () => {
    expect(checkTransition('sign_off', 'review', none).blockers).toEqual([]);
  });

  it('submitted needs each required signer to have endorsed', () => {
    const facts: TransitionFacts = {
      ...readySections,
      requiredSigners: [
        { organizationId: 'a', name: 'CRC-Cambodia' },
        { organizationId: 'b', name: 'Legal Aid of Cambodia' },
      ],
      endorsedOrganizationIds: ['a', 'c'],
    };
    const check = checkTransition('sign_off', 'submitted', facts);
    expect(check.blockers).toEqual(['Required signers have not endorsed: Legal Aid of Cambodia']);
    expect(check.problems).toEqual([{ code: 'submission.signersMissing', organizations: ['Legal Aid of Cambodia'] }]);
    expect(
      checkTransition('sign_off', 'submitted', { ...facts, endorsedOrganizationIds: ['a', 'b'] }).blockers,
    ).toEqual([]);
  });

  it('the text is frozen once submitted or published', () => {
    expect(SUBMISSION_STATUSES.filter(isFrozen)).toEqual(['submitted', 'published']);
  });
});
