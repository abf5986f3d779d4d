/**
 * What one field of bad input got wrong (a 400's `details[].code`). The web app writes the sentence
 * in the reader's language from the code and its `params` (limits, allowed values).
 */
export const FIELD_CODES = [
  'required',
  'unknown_field',
  'too_long',
  'too_short',
  'too_small',
  'too_large',
  'too_few_items',
  'too_many_items',
  'not_text',
  'not_one_of',
  'not_uuid',
  'not_integer',
  'not_number',
  'not_boolean',
  'not_list',
  'not_date',
  'not_url',
  'not_email',
  'not_amount',
  'not_currency',
  'not_country',
  'not_time_zone',
  'not_duration',
  'not_time_of_day',
  'wrong_format',
  'duplicates',
  'common_password',
  'repeated_character',
  'sequential_password',
  'guessable_password',
  'personal_password',
  'current_password_wrong',
  'email_taken',
  'no_such_record',
  'invalid',
] as const;
export type FieldCode = (typeof FIELD_CODES)[number];

/**
 * Why a request was refused (every 4xx body's `code`); its `params` say the rest. Stable: clients and
 * the web app's catalogues key on them, and the English `message` beside them is for people reading logs.
 */
export const REFUSAL_CODES = [
  // Any status, when nothing more precise is known.
  'bad_request',
  'sign_in_required',
  'forbidden',
  'not_found',
  'conflict',
  'gone',
  'payload_too_large',
  'too_many_requests',
  'refused',
  'unsupported_media_type',
  'server_error',
  // Input.
  'invalid_input',
  'value_exists',
  'reference_missing',
  'value_invalid',
  'version_required',
  'version_mismatch',
  'stale_version',
  // Who may do what.
  'role_required',
  'may_not_change',
  'api_token_not_allowed',
  'foreign_origin',
  // Accounts and sign-in.
  'wrong_credentials',
  'account_disabled',
  'token_invalid',
  'current_password_wrong',
  'current_password_unneeded',
  'too_many_attempts',
  'email_taken',
  'invitation_invalid',
  'invitation_accepted',
  'self_demotion',
  'passwordReset.invalid',
  'passwordReset.expired',
  'passwordReset.used',
  // Records.
  'archived',
  'name_taken',
  'already_partner',
  'already_endorsed',
  'workflow_not_allowed',
  'workflow_blocked',
  'awarded_amount_required',
  'override_forbidden',
  'override_reason_required',
  'deadline.drivenByClosingDate',
  'deadline.drivenByReviewDate',
  'submission.alreadyInStatus',
  'submission.moveNotAllowed',
  'submission.conditionsNotMet',
  // Files and imports.
  'file_missing',
  'file_type_not_accepted',
  'file_too_large',
  'file_gone',
  'csv_invalid',
  // Channels.
  'telegram_not_configured',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** The record kinds a `not_found`, `may_not_change` or `archived` names (`params.record`). */
export const RECORD_KINDS = [
  'opportunity',
  'partner',
  'checklistItem',
  'document',
  'file',
  'submission',
  'section',
  'revision',
  'snapshot',
  'comment',
  'endorsement',
  'deadline',
  'user',
  'organization',
  'notification',
  'apiToken',
  'calendarFeed',
  'review',
  'recommendation',
  'assessment',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
