import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldProblems } from '../../api/refusals';
import { FormError } from '../../components/states';
import type { DeadlineDraft } from './deadline-draft';

/**
 * The deadline form's problems: what is missing is caught before sending, in the reader's language;
 * the rest is the server's, by field. After a refused submit a summary is announced (role="alert") and
 * focus moves to the first field in trouble, whose note is tied to it by `aria-describedby`.
 */
export function useDeadlineProblems(serverError: unknown) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const problems = { ...fieldProblems(serverError), ...missing };
  const hasProblems = Object.keys(problems).length > 0;

  useEffect(() => {
    if (attempt) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  return {
    formRef,
    problems,
    /** True when the draft may be sent; otherwise shows what is missing. */
    check(draft: DeadlineDraft): boolean {
      const found: Record<string, string> = {};
      if (!draft.title.trim()) found.title = t('deadline-form.titleRequired');
      if (!draft.date) found.dueDate = t('deadline-form.dateRequired');
      else if (!draft.dateOnly && !draft.time) found.dueAt = t('deadline-form.timeRequired');
      setMissing(found);
      const ok = Object.keys(found).length === 0;
      if (!ok) setAttempt((n) => n + 1);
      return ok;
    },
    /** Call when the server refused the draft, to move focus to its first problem. */
    refused: () => setAttempt((n) => n + 1),
    summary: hasProblems ? (
      <p className="form-error" role="alert">
        {t('deadline-form.fixFields')}
      </p>
    ) : (
      <FormError error={serverError} />
    ),
  };
}
