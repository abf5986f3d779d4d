import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../../api/query-keys';
import { uploadFile } from '../../../api/upload';
import { FormError } from '../../../components/states';
import type { ImportReport } from './pipeline-hooks';

const IMPORT = '/api/v1/opportunities/import';

/**
 * A funder list from CSV, all or nothing: a dry run first shows every row's problems; only a clean file
 * can then be imported. Progress shows while the file goes up.
 */
export function CsvImport() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setError(null);
    setProgress(0);
    try {
      const result = await uploadFile<ImportReport>(`${IMPORT}?dryRun=${dryRun}`, file, setProgress);
      setReport(result);
      if (!dryRun) await client.invalidateQueries({ queryKey: queryKeys.opportunities.lists });
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  };

  return (
    <section className="panel csv-import" aria-labelledby="import-title">
      <h2 id="import-title">{t('board.importTitle')}</h2>
      <p className="hint">{t('board.importHint')}</p>
      <label htmlFor="import-file">{t('board.importFile')}</label>
      <input
        id="import-file"
        type="file"
        accept=".csv,text/csv"
        onChange={(e) => {
          setFile(e.target.files?.[0] ?? null);
          setReport(null);
        }}
      />
      <div className="toolbar">
        <button
          type="button"
          className="button-secondary"
          disabled={!file || progress !== null}
          onClick={() => send(true)}
        >
          {t('board.preview')}
        </button>
        <button
          type="button"
          className="button"
          disabled={!file || progress !== null || !report?.dryRun || report.errors.length > 0}
          onClick={() => send(false)}
        >
          {t('board.import')}
        </button>
      </div>
      {progress !== null && (
        <p role="status">
          <progress max={1} value={progress} aria-label={t('board.uploading')} /> {t('board.uploading')}
        </p>
      )}
      <FormError error={error} />
      {report && <ImportResult report={report} />}
    </section>
  );
}

function ImportResult({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  if (!report.dryRun)
    return (
      <p className="success" role="status">
        {t('board.imported', { count: report.created.length })}
      </p>
    );
  if (!report.errors.length)
    return (
      <p className="success" role="status">
        {t('board.previewClean', { count: report.valid })}
      </p>
    );
  return (
    <div role="status">
      <p className="warning">{t('board.previewProblems', { count: report.errors.length, rows: report.rows })}</p>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{t('board.problemsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('board.line')}</th>
              <th scope="col">{t('board.field')}</th>
              <th scope="col">{t('board.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {report.errors.map((problem, i) => (
              <tr key={i}>
                <td className="number">{problem.line}</td>
                <td translate="no">{problem.field ?? ''}</td>
                <td translate="no">{problem.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
