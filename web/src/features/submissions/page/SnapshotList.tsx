import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, FormError, LoadingState } from '../../../components/states';
import { useFormat } from '../../../i18n/format';
import { MarkdownText } from '../MarkdownText';
import { useCreateSnapshot, useSnapshot, useSnapshots } from './page-hooks';
import { PhoneFold } from '../../../components/PhoneFold';

/** Named snapshots of the assembled text (review rounds, the final text), newest first; one opens below. */
export function SnapshotList({ submissionId, canCreate }: { submissionId: string; canCreate: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const snapshots = useSnapshots(submissionId);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div className="snapshots">
      <h3 id="snapshots">{t('submission-page.snapshots.title')}</h3>
      {snapshots.isPending ? (
        <LoadingState />
      ) : snapshots.error ? (
        <ErrorState error={snapshots.error} retry={() => void snapshots.refetch()} />
      ) : snapshots.data.items.length === 0 ? (
        <EmptyState>{t('submission-page.snapshots.none')}</EmptyState>
      ) : (
        <ul className="card-list" aria-labelledby="snapshots">
          {snapshots.data.items.map((snap) => (
            <li key={snap.id} className="card">
              <div className="card-head">
                <span className="card-title" translate="no">
                  {snap.name}
                </span>
                {snap.kind === 'final' && (
                  <span className="badge badge-done">{t('submission-page.snapshots.final')}</span>
                )}
              </div>
              <p className="card-meta">
                <time dateTime={snap.createdAt}>{format.date(snap.createdAt)}</time>
                {snap.createdBy && (
                  <>
                    {' · '}
                    <span translate="no">{snap.createdBy.name}</span>
                  </>
                )}
                {' · '}
                {t('submissions.wordCount', { count: snap.wordCount, words: format.number(snap.wordCount) })}
              </p>
              <button
                type="button"
                className="button-link"
                aria-expanded={open === snap.id}
                onClick={() => setOpen(open === snap.id ? null : snap.id)}
              >
                {open === snap.id ? t('submission-page.snapshots.hide') : t('submission-page.snapshots.view')}
                <span className="visually-hidden" translate="no">
                  {' '}
                  {snap.name}
                </span>
              </button>
              {open === snap.id && <SnapshotText submissionId={submissionId} snapshotId={snap.id} />}
            </li>
          ))}
        </ul>
      )}
      {canCreate && (
        <PhoneFold summary={t('submission-page.snapshots.keep')}>
          <SnapshotForm submissionId={submissionId} />
        </PhoneFold>
      )}
    </div>
  );
}

function SnapshotText({ submissionId, snapshotId }: { submissionId: string; snapshotId: string }) {
  const { t } = useTranslation();
  const snapshot = useSnapshot(submissionId, snapshotId);
  if (snapshot.isPending) return <LoadingState />;
  if (snapshot.error) return <ErrorState error={snapshot.error} retry={() => void snapshot.refetch()} />;
  return (
    <div
      className="document-preview"
      role="region"
      aria-label={t('submission-page.snapshots.textOf', { name: snapshot.data.name })}
      tabIndex={0}
    >
      <MarkdownText source={snapshot.data.markdown} />
    </div>
  );
}

function SnapshotForm({ submissionId }: { submissionId: string }) {
  const { t } = useTranslation();
  const create = useCreateSnapshot(submissionId);
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    create.mutate(name.trim(), { onSuccess: () => setName('') });
  };
  return (
    <form className="form snapshot-form" onSubmit={submit}>
      <label htmlFor="snapshot-name">{t('submission-page.snapshots.name')}</label>
      <input
        id="snapshot-name"
        required
        maxLength={200}
        placeholder={t('submission-page.snapshots.example')}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <FormError error={create.error} />
      <button type="submit" disabled={create.isPending}>
        {create.isPending ? t('submission-page.saving') : t('submission-page.snapshots.create')}
      </button>
    </form>
  );
}
