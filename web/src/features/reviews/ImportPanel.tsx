import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { FormError } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { useImportFile } from './review-edit-hooks';
import { useImportRecommendations, type ImportResult } from './review-hooks';

/** Why the server refused the pasted text or the file: empty, over its limit (in megabytes), or not a document. */
function TextProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return <FormError error={error} />;
  const problem = (error.details as { field?: string; code?: string; params?: { maxBytes?: number } }[]).find(
    (d) => d.field === 'text' || d.field === 'file',
  );
  if (!problem) return <FormError error={error} />;
  const megabytes = format.number((problem.params?.maxBytes ?? 1_048_576) / 1_048_576);
  const file = problem.field === 'file';
  return (
    <p id={`import-${problem.field}-problem`} className="form-error" role="alert">
      {problem.code === 'too_long'
        ? t('reviews.import.tooLong', { megabytes })
        : problem.code === 'wrong_format'
          ? t('reviews.import.fileFormat')
          : file
            ? t('reviews.import.fileEmpty')
            : t('reviews.import.tooShort')}
    </p>
  );
}

/** The items under their clusters, in the document's order. */
function groups(items: ImportResult['items']): [string, ImportResult['items']][] {
  const byCluster = new Map<string, ImportResult['items']>();
  for (const item of items) {
    const cluster = item.cluster ?? '';
    byCluster.set(cluster, [...(byCluster.get(cluster) ?? []), item]);
  }
  return [...byCluster];
}

function Preview({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const format = useFormat();
  const c = result.counts;
  return (
    <section aria-labelledby="import-preview-title" className="import-preview">
      <h3 id="import-preview-title">{t('reviews.import.previewTitle')}</h3>
      <p role="status">
        {t('reviews.import.counts', {
          items: format.number(c.items),
          paragraphs: format.number(c.paragraphs),
          subItems: format.number(c.subItems),
          clusters: format.number(c.clusters),
          urgent: format.number(c.urgent),
        })}{' '}
        {t('reviews.import.changes', {
          created: format.number(result.created),
          updated: format.number(result.updated),
          unchanged: format.number(result.unchanged),
        })}
      </p>
      {groups(result.items).map(([cluster, items]) => (
        <section key={cluster} className="import-group">
          <h4 translate={cluster ? 'no' : undefined}>{cluster || t('reviews.matrix.noCluster')}</h4>
          <ul className="plain-list import-items">
            {items.map((item) => (
              <li key={`${item.paragraph}-${item.line}`}>
                <strong translate="no">{item.paragraph}</strong>
                {item.urgent && <span className="badge badge-urgent">{t('reviews.urgent')}</span>}{' '}
                <span translate="no" className="clamp">
                  {item.text}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {result.unplaced.length > 0 && (
        <>
          <h4>{t('reviews.import.unplaced', { count: result.unplaced.length })}</h4>
          <ul className="plain-list unplaced">
            {result.unplaced.map((line) => (
              <li key={line.line}>
                <span className="muted">{t('reviews.import.line', { line: format.number(line.line) })}</span>{' '}
                <span translate="no">{line.text}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/**
 * A coordinator pastes the recommendations part of the document, or chooses the document itself (.docx, .txt,
 * .csv), previews what it gives, then saves it.
 */
export function ImportPanel({ reviewId }: { reviewId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [text, setText] = useState('');
  const [csv, setCsv] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [fileInput, setFileInput] = useState(0);
  const previewText = useImportRecommendations(reviewId);
  const saveText = useImportRecommendations(reviewId);
  const previewFile = useImportFile(reviewId);
  const saveFile = useImportFile(reviewId);
  const preview = file ? previewFile : previewText;
  const save = file ? saveFile : saveText;
  const previewed = file
    ? previewFile.variables?.file === file
      ? previewFile.data
      : undefined
    : previewText.variables?.text === text
      ? previewText.data
      : undefined;
  const run = (dryRun: boolean) => {
    if (dryRun) save.reset();
    if (file) (dryRun ? previewFile : saveFile).mutate({ file, dryRun });
    else (dryRun ? previewText : saveText).mutate({ text, dryRun, format: csv ? 'csv' : 'text' });
  };
  const forgetFile = () => {
    setFile(null);
    setFileInput((n) => n + 1);
    previewFile.reset();
    saveFile.reset();
  };
  return (
    <section aria-labelledby="import-title" className="panel">
      <h2 id="import-title">{t('reviews.import.title')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          run(true);
        }}
        noValidate
      >
        <label htmlFor="import-text">{t('reviews.import.text')}</label>
        <p className="hint" id="import-text-hint">
          {t('reviews.import.hint')}
        </p>
        <textarea
          id="import-text"
          rows={8}
          value={text}
          disabled={!!file}
          aria-describedby="import-text-hint"
          onChange={(e) => setText(e.target.value)}
        />
        <label className="check">
          <input type="checkbox" checked={csv} disabled={!!file} onChange={(e) => setCsv(e.target.checked)} />
          {t('reviews.import.csv')}
        </label>
        <label htmlFor="import-file">{t('reviews.import.file')}</label>
        <p className="hint" id="import-file-hint">
          {t('reviews.import.fileHint')}
        </p>
        <div className="toolbar">
          <input
            key={fileInput}
            id="import-file"
            type="file"
            accept=".docx,.txt,.csv"
            aria-describedby="import-file-hint"
            onChange={(e) => {
              previewFile.reset();
              saveFile.reset();
              setFile(e.target.files?.[0] ?? null);
            }}
          />
          {file && (
            <button type="button" className="button-secondary" onClick={forgetFile}>
              {t('reviews.import.forgetFile')}
            </button>
          )}
        </div>
        {preview.error ? <TextProblem error={preview.error} /> : null}
        <button type="submit" className="button-secondary" disabled={preview.isPending || (!file && !text.trim())}>
          {preview.isPending ? t('reviews.import.previewing') : t('reviews.import.preview')}
        </button>
      </form>
      {previewed && <Preview result={previewed} />}
      {previewed && previewed.counts.items > 0 && !save.data && (
        <button type="button" disabled={save.isPending} onClick={() => run(false)}>
          {save.isPending
            ? t('reviews.saving')
            : t('reviews.import.save', { count: previewed.counts.items, items: format.number(previewed.counts.items) })}
        </button>
      )}
      {save.error ? <TextProblem error={save.error} /> : null}
      {save.data && (
        <p className="success" role="status">
          {t('reviews.import.saved', {
            created: format.number(save.data.created),
            updated: format.number(save.data.updated),
            unchanged: format.number(save.data.unchanged),
          })}
        </p>
      )}
    </section>
  );
}
