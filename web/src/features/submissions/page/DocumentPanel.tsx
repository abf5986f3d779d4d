import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../../components/states';
import { MarkdownText } from '../MarkdownText';
import { documentUrl, useDocument } from './page-hooks';
import { SnapshotList } from './SnapshotList';
import type { Submission } from '../submission-hooks';

/** The assembled text: a preview on the page, downloads as Markdown and Word, and named snapshots. */
export function DocumentPanel({ submission: s, canSnapshot }: { submission: Submission; canSnapshot: boolean }) {
  const { t } = useTranslation();
  const [previewing, setPreviewing] = useState(false);
  const document = useDocument(s.id, previewing);
  return (
    <section className="panel" aria-labelledby="document">
      <h2 id="document">{t('submission-page.document.title')}</h2>
      <p className="hint">
        {s.finalSnapshotId ? t('submission-page.document.finalHint') : t('submission-page.document.hint')}
      </p>
      <div className="toolbar">
        <button
          type="button"
          className="button-secondary"
          aria-expanded={previewing}
          aria-controls="document-preview"
          onClick={() => setPreviewing(!previewing)}
        >
          {previewing ? t('submission-page.document.hidePreview') : t('submission-page.document.preview')}
        </button>
        <a className="button button-secondary" href={documentUrl(s.id, 'docx')} download>
          {t('submission-page.document.downloadAs')}&nbsp;<span translate="no">Word (.docx)</span>
        </a>
        <a className="button button-secondary" href={documentUrl(s.id, 'md')} download>
          {t('submission-page.document.downloadAs')}&nbsp;<span translate="no">Markdown (.md)</span>
        </a>
      </div>
      <div id="document-preview">
        {previewing &&
          (document.isPending ? (
            <LoadingState />
          ) : document.error ? (
            <ErrorState error={document.error} retry={() => void document.refetch()} />
          ) : (
            <div
              className="document-preview"
              role="region"
              aria-label={t('submission-page.document.previewLabel')}
              tabIndex={0}
            >
              <MarkdownText source={document.data.markdown} />
            </div>
          ))}
      </div>
      <SnapshotList submissionId={s.id} canCreate={canSnapshot} />
    </section>
  );
}
