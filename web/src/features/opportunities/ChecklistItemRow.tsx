import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/states';
import { type ChecklistItem, useSetChecklistStatus, useUploadChecklistFile } from './opportunity-hooks';

/** One thing a partner owes: its state, its document or link, and (for those who may) mark done or upload. */
export function ChecklistItemRow(props: { opportunityId: string; item: ChecklistItem; current: boolean }) {
  const { opportunityId, item, current } = props;
  const { t } = useTranslation();
  const inputId = useId();
  const setStatus = useSetChecklistStatus(opportunityId);
  const upload = useUploadChecklistFile(opportunityId);
  return (
    <li
      id={`checklist-${item.id}`}
      tabIndex={-1}
      className={`checklist-item status-${item.status}${current ? ' current' : ''}`}
    >
      <div className="card-head">
        <span translate="no" className="item-title">
          {item.title}
        </span>
        <span className={`badge badge-${item.status}`}>{t(`opportunities.itemStatus.${item.status}`)}</span>
      </div>
      <p className="card-meta">
        {item.required ? t('opportunities.required') : t('opportunities.optional')}
        {item.document && (
          <>
            {' · '}
            <span translate="no">{item.document.title}</span>
            {item.document.expired && <strong className="warning"> {t('opportunities.expired')}</strong>}
          </>
        )}
        {item.url && (
          <>
            {' · '}
            <a href={item.url} target="_blank" rel="noreferrer">
              {t('opportunities.openLink')}
            </a>
          </>
        )}
        {item.downloadPath && item.file && (
          <>
            {' · '}
            <a href={item.downloadPath} translate="no">
              {item.file.name}
            </a>
          </>
        )}
      </p>
      {item.canEdit && (
        <div className="item-actions">
          {item.status !== 'done' ? (
            <button
              type="button"
              onClick={() => setStatus.mutate({ itemId: item.id, status: 'done' })}
              disabled={setStatus.isPending}
            >
              {t('opportunities.markDone')}
              <ItemName title={item.title} />
            </button>
          ) : (
            <button
              type="button"
              className="button-secondary"
              onClick={() => setStatus.mutate({ itemId: item.id, status: 'todo' })}
              disabled={setStatus.isPending}
            >
              {t('opportunities.markTodo')}
              <ItemName title={item.title} />
            </button>
          )}
          <label htmlFor={inputId} className="button button-secondary file-button">
            {upload.isPending ? t('opportunities.uploading') : t('opportunities.upload')}
            <ItemName title={item.title} />
          </label>
          <input
            id={inputId}
            type="file"
            className="visually-hidden"
            accept=".pdf,.docx,.xlsx,.odt,.png,.jpg,.jpeg"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) upload.mutate({ itemId: item.id, file });
              event.target.value = '';
            }}
          />
        </div>
      )}
      <FormError error={setStatus.error ?? upload.error} />
    </li>
  );
}

/** The item's title after a button's text, for screen readers: which item the button acts on. */
function ItemName({ title }: { title: string }) {
  return (
    <span className="visually-hidden" translate="no">
      {`: ${title}`}
    </span>
  );
}
