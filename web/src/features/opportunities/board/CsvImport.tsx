import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/states';
import { useFormat } from '../../../i18n/format';
import { useImportCsv, type ImportReport } from './board-hooks';

/** The columns the server reads (src/opportunities/opportunity-csv.ts): names in the file, not interface text. */
const IMPORT_COLUMNS =
  'title, funder, callReference, url, description, tags, amountMin, amountMax, currency, closesAt, owner, visibility, stage';

/** Upload → dry-run preview of every row's problems → confirm → the import, all or nothing, on the server. */
export function CsvImport() {
  const { t } = useTranslation();
  const format = useFormat();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const importCsv = useImportCsv();
  const check = (chosen: File) => {
    setFile(chosen);
    setPreview(null);
    setResult(null);
    importCsv.mutate({ file: chosen, dryRun: true }, { onSuccess: setPreview });
  };
  const confirm = () =>
    file &&
    importCsv.mutate(
      { file, dryRun: false },
      {
        onSuccess: (report) => {
          setResult(report);
          setPreview(null);
        },
      },
    );
  return (
    <section className="panel" aria-labelledby="import-title">
      <h2 id="import-title">{t('board.importTitle')}</h2>
      <p className="hint" id={`${inputId}-hint`}>
        {t('board.importHint')} <code translate="no">{IMPORT_COLUMNS}</code>
      </p>
      <label htmlFor={inputId}>{t('board.importFile')}</label>
      <input
        id={inputId}
        type="file"
        accept=".csv,text/csv"
        aria-describedby={`${inputId}-hint`}
        onChange={(e) => e.target.files?.[0] && check(e.target.files[0])}
      />
      {importCsv.isPending && (
        <div className="import-progress" role="status">
          <progress aria-label={t('board.importRunning')} />
          <span>
            {preview
              ? t('board.importingRows', { count: preview.valid, rows: format.number(preview.valid) })
              : t('board.checking')}
          </span>
        </div>
      )}
      <FormError error={importCsv.error} />
      {preview && (
        <div className="import-preview" aria-live="polite">
          <h3>{t('board.previewTitle')}</h3>
          <p>
            {t('board.previewSummary', {
              rows: format.number(preview.rows),
              valid: format.number(preview.valid),
              bad: format.number(preview.rows - preview.valid),
            })}
          </p>
          {preview.errors.length > 0 && (
            <div className="table-scroll">
              <table className="data-table">
                <caption>{t('board.rowErrors')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('board.line')}</th>
                    <th scope="col">{t('board.field')}</th>
                    <th scope="col">{t('board.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.errors.map((problem, index) => (
                    <tr key={index}>
                      <td>{format.number(problem.line)}</td>
                      <td translate="no">{problem.field ?? '—'}</td>
                      <td lang="en">{problem.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {preview.errors.length > 0 ? (
            <p className="form-error" role="alert">
              {t('board.fixFirst')}
            </p>
          ) : (
            <button type="button" onClick={confirm} disabled={importCsv.isPending}>
              {t('board.confirmImport', { count: preview.valid, rows: format.number(preview.valid) })}
            </button>
          )}
        </div>
      )}
      {result && (
        <p className="success" role="status">
          {t('board.imported', { count: result.created.length, rows: format.number(result.created.length) })}
        </p>
      )}
    </section>
  );
}
