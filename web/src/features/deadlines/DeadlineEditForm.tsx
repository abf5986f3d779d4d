import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bodyOf, type DeadlineDraft, draftOf } from './deadline-draft';
import { type DeadlineResponse, isConflict, useUpdateDeadline } from './deadline-form-hooks';
import { DeadlineFields } from './DeadlineFields';
import { useDeadlineProblems } from './use-deadline-problems';

/** Changes a deadline on the version it was read at; someone else's change meanwhile is a 409, shown plainly. */
export function DeadlineEditForm(props: { deadline: DeadlineResponse; reload: () => void; done: () => void }) {
  const { deadline, reload, done } = props;
  const { t } = useTranslation();
  const update = useUpdateDeadline(deadline.id);
  const [draft, setDraft] = useState<DeadlineDraft>(() => draftOf(deadline));
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening the form (or reloading it) takes the keyboard and screen reader to it.
  useEffect(() => heading.current?.focus(), []);
  const change = (changes: Partial<DeadlineDraft>) => setDraft((d) => ({ ...d, ...changes }));
  const check = useDeadlineProblems(update.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!check.check(draft)) return;
    update.mutate({ ...bodyOf(draft), version: deadline.version }, { onSuccess: done, onError: check.refused });
  };
  const conflict = isConflict(update.error);
  return (
    <form
      ref={check.formRef}
      className="form deadline-fields"
      noValidate
      onSubmit={submit}
      aria-labelledby="edit-deadline"
    >
      <h2 id="edit-deadline" ref={heading} tabIndex={-1}>
        {t('deadline-form.editTitle')}
      </h2>
      <DeadlineFields draft={draft} change={change} problems={check.problems} />
      {conflict ? (
        <div className="form-error conflict" role="alert">
          <p>{t('deadline-form.conflict')}</p>
          <button type="button" className="button-secondary" onClick={reload}>
            {t('deadline-form.reload')}
          </button>
        </div>
      ) : (
        check.summary
      )}
      <div className="toolbar">
        <button type="submit" disabled={update.isPending}>
          {update.isPending ? t('deadline-form.saving') : t('deadline-form.save')}
        </button>
        <button type="button" className="button-secondary" onClick={done}>
          {t('deadline-form.cancel')}
        </button>
      </div>
    </form>
  );
}
