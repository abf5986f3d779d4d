/**
 * Every kind of event the server records. The web app writes one sentence per action from the row's
 * `params` (a unit test checks both catalogues have each); an action missing here does not compile.
 */
export const ACTIVITY_ACTIONS = [
  'user.created',
  'user.updated',
  'user.invited',
  'user.invitation_accepted',
  'user.password_reset',
  'user.signed_in',
  'user.unsubscribed',
  'user.telegram_linked',
  'user.telegram_unlinked',
  'api_token.created',
  'api_token.revoked',
  'organization.created',
  'organization.updated',
  'organization.archived',
  'organizationDocument.created',
  'organizationDocument.updated',
  'organizationDocument.removed',
  'organizationDocument.file_uploaded',
  'opportunity.created',
  'opportunity.imported',
  'opportunity.updated',
  'opportunity.archived',
  'opportunity.transitioned',
  'opportunity.transition_overridden',
  'partner.invited',
  'partner.confirmed',
  'partner.declined',
  'partner.updated',
  'partner.removed',
  'checklistItem.created',
  'checklistItem.updated',
  'checklistItem.todo',
  'checklistItem.done',
  'checklistItem.waived',
  'checklistItem.removed',
  'checklistItem.file_uploaded',
  'submission.created',
  'submission.updated',
  'submission.archived',
  'submission.transitioned',
  'submission.endorsed',
  'submission.endorsement_withdrawn',
  'submission.sections_reordered',
  'submission.snapshot_created',
  'section.created',
  'section.updated',
  'section.deleted',
  'comment.created',
  'comment.replied',
  'comment.updated',
  'comment.resolved',
  'comment.reopened',
  'comment.deleted',
  'review.created',
  'review.updated',
  'review.recommendations_imported',
  'recommendation.updated',
  'recommendation.assessed',
  'deadline.created',
  'deadline.updated',
  'deadline.moved',
  'deadline.done',
  'deadline.missed',
  'deadline.cancelled',
  'deadline.reopened',
  'deadline.acknowledged',
  'deadline.deleted',
] as const;

export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];

/**
 * What a reader's sentence needs, as it was when the event happened: titles and names (`title`,
 * `opportunity`, `submission`, `organization`, `name`, `actor`), enum values (`from`, `to`, `status`,
 * `role`, `kind`), changed field names (`fields`), counts (`count`, `version`) and instants
 * (`dueAt`, ISO 8601) or dates (`dueDate`). Never a secret or a body of text.
 */
export type ActivityParams = Record<string, string | number | boolean | null | string[]>;

/** Sign-ins and a person's changes to their own account: the audit log keeps them, recent activity does not. */
export const OWN_ACCOUNT_ACTIONS: ActivityAction[] = [
  'user.updated',
  'user.password_reset',
  'user.unsubscribed',
  'user.telegram_linked',
  'user.telegram_unlinked',
  'api_token.created',
  'api_token.revoked',
];
