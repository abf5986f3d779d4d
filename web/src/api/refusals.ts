import { i18n } from '../i18n/i18n';
import { ApiError } from './client';
import type { components } from './schema';

type FieldProblem = components['schemas']['FieldProblemResponse'];

const isFieldProblem = (d: unknown): d is FieldProblem =>
  typeof d === 'object' && d !== null && typeof (d as FieldProblem).field === 'string';

/** A parameter as the reader says it: a record kind or role by its name in their language. */
function spoken(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...params };
  if (typeof params.record === 'string')
    out.record = i18n.t(`errors.record.${params.record}`, { defaultValue: i18n.t('errors.record.record') });
  if (typeof params.role === 'string') out.role = i18n.t(`admin.role.${params.role}`);
  if (Array.isArray(params.accepted)) out.accepted = params.accepted.join(', ');
  return out;
}

/** What a refusal says to the reader, in their language, from its stable code (never the English message). */
export function refusalText(error: unknown): string {
  if (!(error instanceof ApiError)) return i18n.t('common.loadProblem.offline');
  if (error.status >= 500) return i18n.t('errors.refusal.server_error');
  const fallback = i18n.t('errors.refusal.refused');
  return i18n.t(`errors.refusal.${error.code}`, { ...spoken(error.params), defaultValue: fallback });
}

/** One field's problem as a sentence to show beside that field, in the reader's language. */
export function fieldProblemText(problem: Pick<FieldProblem, 'code' | 'params'>): string {
  return i18n.t(`errors.field.${problem.code}`, {
    ...spoken(problem.params ?? {}),
    defaultValue: i18n.t('errors.field.invalid'),
  });
}

/**
 * The server's per-field problems (`details: [{ field, code, params }]`) keyed by the top-level field,
 * each said in the reader's language; a nested field's problem is shown under its parent.
 */
export function fieldProblems(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const byField: Record<string, string[]> = {};
  for (const problem of error.details.filter(isFieldProblem)) {
    const field = problem.field.split('.')[0];
    const text = fieldProblemText(problem);
    if (!byField[field]?.includes(text)) (byField[field] ??= []).push(text);
  }
  return Object.fromEntries(Object.entries(byField).map(([field, texts]) => [field, texts.join(' ')]));
}
