import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ErrorState } from '../../components/states';
import { useMe } from '../auth/session-hooks';
import { bodyOf, type DeadlineDraft, emptyDraft } from './deadline-draft';
import { type TemplateId, useCreateDeadline, useDeadlineTemplates } from './deadline-form-hooks';
import type { SubjectType } from './deadline-hooks';
import { DeadlineFields } from './DeadlineFields';
import { PickRecord } from './PickRecord';
import { useDeadlineProblems } from './use-deadline-problems';

const SUBJECT_PATHS: Partial<Record<SubjectType, string>> = {
  opportunity: '/opportunities/',
  submission: '/submissions/',
};

/**
 * `/deadlines/new?subjectType=opportunity&subjectId=…`: a deadline for that record, optionally from a template;
 * without a record, the reader picks one first.
 */
export function NewDeadlinePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const subjectType = params.get('subjectType') as SubjectType | null;
  const subjectId = params.get('subjectId') ?? '';
  const me = useMe().data!;
  const templates = useDeadlineTemplates();
  const create = useCreateDeadline();
  const [draft, setDraft] = useState<DeadlineDraft>(() => emptyDraft(me.timeZone));
  const [templateId, setTemplateId] = useState<TemplateId | ''>('');
  const change = (changes: Partial<DeadlineDraft>) => setDraft((d) => ({ ...d, ...changes }));
  const check = useDeadlineProblems(create.error);

  if (!subjectType || !subjectId)
    return (
      <>
        <PageTitle>{t('deadline-form.newTitle')}</PageTitle>
        <PickRecord />
      </>
    );

  const pickTemplate = (id: TemplateId | '') => {
    setTemplateId(id);
    const template = templates.data?.items.find((item) => item.id === id);
    // The template's steps are counted back from this deadline, which stands for its anchor.
    if (template) change({ title: template.anchor, kind: 'external', dateOnly: true });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!check.check(draft)) return;
    create.mutate(
      { body: { subjectType, subjectId, ...bodyOf(draft) }, templateId: templateId || undefined },
      { onSuccess: (created) => void navigate(`/deadlines/${created.id}`), onError: check.refused },
    );
  };
  const picked = templates.data?.items.find((item) => item.id === templateId);
  const back = SUBJECT_PATHS[subjectType];

  return (
    <>
      <PageTitle>{t('deadline-form.newTitle')}</PageTitle>
      {back && (
        <p>
          <Link to={`${back}${subjectId}`}>{t('deadline-form.backToRecord')}</Link>
        </p>
      )}
      <form ref={check.formRef} className="form panel deadline-fields" noValidate onSubmit={submit}>
        <label htmlFor="df-template">{t('deadline-form.template')}</label>
        <select
          id="df-template"
          value={templateId}
          aria-describedby="df-template-hint"
          disabled={!templates.data}
          onChange={(e) => pickTemplate(e.target.value as TemplateId | '')}
        >
          <option value="">{t('deadline-form.noTemplate')}</option>
          {templates.data?.items.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </select>
        <p id="df-template-hint" className="hint">
          {picked ? (
            <>
              {picked.description} {t('deadline-form.templateSteps', { count: picked.steps.length })}
            </>
          ) : (
            t('deadline-form.templateHint')
          )}
        </p>
        {templates.error && <ErrorState error={templates.error} retry={() => void templates.refetch()} />}
        <DeadlineFields draft={draft} change={change} problems={check.problems} />
        {check.summary}
        <div className="toolbar">
          <button type="submit" disabled={create.isPending}>
            {create.isPending ? t('deadline-form.saving') : t('deadline-form.create')}
          </button>
        </div>
      </form>
    </>
  );
}
