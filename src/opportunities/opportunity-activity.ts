import type { EntityManager } from 'typeorm';
import type { ActivityAction, ActivityParams } from '../../shared/activity-actions.js';
import type { ActivityService } from '../activity/activity.service.js';
import type { User } from '../users/user.entity.js';
import { notFound } from '../common/refusal.js';

export interface OpportunityEvent {
  action: ActivityAction;
  summary: string;
  params: ActivityParams;
  /** Defaults to the opportunity itself. */
  subjectType?: 'opportunity' | 'partner' | 'checklistItem';
  subjectId?: string;
  changes?: Record<string, unknown>;
}

/**
 * Records an event of an opportunity or of one of its partners / checklist items. Events on
 * sub-records carry `opportunityId` in `changes`, so the opportunity's history finds them.
 */
export function recordEvent(
  activity: ActivityService,
  manager: EntityManager,
  actor: User,
  opportunityId: string,
  event: OpportunityEvent,
): Promise<void> {
  const subjectType = event.subjectType ?? 'opportunity';
  const changes = subjectType === 'opportunity' ? (event.changes ?? null) : { ...event.changes, opportunityId };
  return activity.record(manager, {
    actorId: actor.id,
    action: event.action,
    subjectType,
    subjectId: event.subjectId ?? opportunityId,
    summary: event.summary,
    params: event.params,
    changes: changes && Object.keys(changes).length ? changes : null,
  });
}

/** A row read again inside a transaction may have been removed meanwhile: that is a 404, not a 500. */
export function mustExist<T>(row: T | null, label: 'Partner' | 'Checklist item'): T {
  if (!row) throw notFound(label === 'Partner' ? 'partner' : 'checklistItem', `${label} not found`);
  return row;
}
