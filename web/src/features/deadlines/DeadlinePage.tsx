import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ErrorState, FormError, LoadingState } from '../../components/states';
import { useMe } from '../auth/session-hooks';
import { useDeadline, useSetDeadlineStatus } from './deadline-hooks';
import { DeadlineEditForm } from './DeadlineEditForm';
import { DeadlineTimes } from './DeadlineTimes';
import { DeadlineSubject } from './DeadlineList';
import { ReminderList } from './ReminderList';

export function DeadlinePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe().data!;
  const deadline = useDeadline(id);
  const setStatus = useSetDeadlineStatus(id);
  const [editing, setEditing] = useState(false);
  // Remounted after a reload, so the form starts again from what the server now holds.
  const [formKey, setFormKey] = useState(0);

  if (deadline.isPending) return <LoadingState />;
  if (deadline.error) return <ErrorState error={deadline.error} retry={() => void deadline.refetch()} />;
  const d = deadline.data;
  const canChange = me.role !== 'viewer';
  return (
    <article className="record">
      <PageTitle eyebrow={t(`deadlines.kind.${d.kind}`)} isData>
        {d.title}
      </PageTitle>
      <p>
        <span className={`badge badge-${d.status}`}>{t(`deadlines.status.${d.status}`)}</span>{' '}
        <DeadlineSubject deadline={d} />
      </p>
      {d.description && (
        <p className="description" translate="no">
          {d.description}
        </p>
      )}
      <section className="panel" aria-labelledby="due">
        <h2 id="due">{t('deadlines.due')}</h2>
        <DeadlineTimes dueAt={d.dueAt} timeZone={d.timeZone} readerZone={me.timeZone} />
        {canChange && (d.status === 'open' || d.status === 'missed') && (
          <button type="button" onClick={() => setStatus.mutate('done')} disabled={setStatus.isPending}>
            {t('deadlines.markDone')}
          </button>
        )}
        {canChange && d.status === 'done' && (
          <button
            type="button"
            className="button-secondary"
            onClick={() => setStatus.mutate('open')}
            disabled={setStatus.isPending}
          >
            {t('deadlines.reopen')}
          </button>
        )}
        {canChange && !editing && (
          <button type="button" className="button-secondary" onClick={() => setEditing(true)}>
            {t('deadline-form.edit')}
          </button>
        )}
        <FormError error={setStatus.error} />
      </section>
      {editing && (
        <section className="panel">
          <DeadlineEditForm
            key={`${d.version}-${formKey}`}
            deadline={d}
            reload={() => void deadline.refetch().then(() => setFormKey((k) => k + 1))}
            done={() => setEditing(false)}
          />
        </section>
      )}
      <ReminderList deadlineId={d.id} readerZone={me.timeZone} />
    </article>
  );
}
