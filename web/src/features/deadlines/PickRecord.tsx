import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorState, LoadingState } from '../../components/states';
import { useOpportunityList } from '../opportunities/board/board-hooks';
import { useSubmissionList } from '../submissions/page/page-hooks';

type Kind = 'opportunity' | 'submission';

/**
 * `/deadlines/new` without a record: every deadline belongs to a grant call or a submission, so the
 * reader picks one first (the open ones they can see), then the deadline form opens for it.
 */
export function PickRecord() {
  const { t } = useTranslation();
  const [, setParams] = useSearchParams();
  const [kind, setKind] = useState<Kind>('opportunity');
  const [id, setId] = useState('');
  const calls = useOpportunityList({ limit: 100, archived: 'false' });
  const submissions = useSubmissionList({ limit: 100 });
  const list = kind === 'opportunity' ? calls : submissions;
  const items = (list.data?.items ?? []).map((item) => ({ id: item.id, title: item.title }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (id) setParams({ subjectType: kind, subjectId: id });
  };
  return (
    <form className="form panel" aria-labelledby="pick-record-title" onSubmit={submit}>
      <h2 id="pick-record-title">{t('deadline-form.pickRecordTitle')}</h2>
      <p className="hint">{t('deadline-form.pickRecordHint')}</p>
      <fieldset>
        <legend>{t('deadline-form.recordKind')}</legend>
        {(['opportunity', 'submission'] as const).map((k) => (
          <label key={k} className="radio">
            <input
              type="radio"
              name="record-kind"
              value={k}
              checked={kind === k}
              onChange={() => {
                setKind(k);
                setId('');
              }}
            />{' '}
            {t(`deadline-form.recordKindName.${k}`)}
          </label>
        ))}
      </fieldset>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} retry={() => void list.refetch()} />
      ) : (
        <>
          <label htmlFor="pick-record">{t(`deadline-form.recordName.${kind}`)}</label>
          <select id="pick-record" required value={id} onChange={(e) => setId(e.target.value)}>
            <option value="">{t('deadline-form.choose')}</option>
            {items.map((item) => (
              <option key={item.id} value={item.id} translate="no">
                {item.title}
              </option>
            ))}
          </select>
        </>
      )}
      <div className="toolbar">
        <button type="submit" disabled={!id}>
          {t('deadline-form.continue')}
        </button>
      </div>
    </form>
  );
}
