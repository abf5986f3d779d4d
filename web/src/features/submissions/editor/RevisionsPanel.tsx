import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { useFormat } from '../../../i18n/format';
import { useRevisionDiff, useRevisions } from './editor-hooks';

/** Every save of the section, and what changed between any two of them, word by word. */
export function RevisionsPanel({ submissionId, sectionId }: { submissionId: string; sectionId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const revisions = useRevisions(submissionId, sectionId);
  const [picked, setPicked] = useState<{ from: number; to: number } | null>(null);
  const items = revisions.data?.items ?? [];
  const latest = items[0]?.version ?? null;
  const from = picked?.from ?? (latest !== null && latest > 1 ? latest - 1 : null);
  const to = picked?.to ?? latest;
  const diff = useRevisionDiff(submissionId, sectionId, from, to);

  return (
    <section className="panel" aria-labelledby="revisions-title">
      <h2 id="revisions-title">{t('editor.revisions')}</h2>
      {revisions.isPending ? (
        <LoadingState />
      ) : revisions.error ? (
        <ErrorState error={revisions.error} retry={() => void revisions.refetch()} />
      ) : items.length < 2 ? (
        <EmptyState>{t('editor.oneRevision')}</EmptyState>
      ) : (
        <>
          <div className="compare">
            {(['from', 'to'] as const).map((end) => (
              <div key={end}>
                <label htmlFor={`revision-${end}`}>{t(`editor.compare_${end}`)}</label>
                <select
                  id={`revision-${end}`}
                  value={(end === 'from' ? from : to) ?? ''}
                  onChange={(e) =>
                    setPicked({ from: from!, to: to!, [end]: Number(e.target.value) } as { from: number; to: number })
                  }
                >
                  {items.map((r) => (
                    <option key={r.version} value={r.version}>
                      {t('editor.revisionOption', {
                        version: format.number(r.version),
                        name: r.author?.name ?? t('editor.someone'),
                        when: format.relative(r.createdAt),
                      })}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
          {from === to ? (
            <p className="hint">{t('editor.sameRevision')}</p>
          ) : diff.isPending ? (
            <LoadingState />
          ) : diff.error ? (
            <ErrorState error={diff.error} retry={() => void diff.refetch()} />
          ) : (
            <>
              <p className="card-meta">
                {t('editor.diffSummary', {
                  added: format.number(diff.data.linesAdded),
                  removed: format.number(diff.data.linesRemoved),
                  before: format.number(diff.data.wordsBefore),
                  after: format.number(diff.data.wordsAfter),
                })}
              </p>
              <p className="word-diff" translate="no">
                {diff.data.changes.map((change, i) =>
                  change.added ? (
                    <ins key={i}>
                      <span className="visually-hidden">{t('editor.added')} </span>
                      {change.value}
                    </ins>
                  ) : change.removed ? (
                    <del key={i}>
                      <span className="visually-hidden">{t('editor.removed')} </span>
                      {change.value}
                    </del>
                  ) : (
                    <span key={i}>{change.value}</span>
                  ),
                )}
              </p>
            </>
          )}
        </>
      )}
    </section>
  );
}
