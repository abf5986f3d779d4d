import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/states';
import { type ChecklistItem, useUpdateChecklistItem, useUploadChecklistFile } from './checklist-hooks';
import { ReuseDocument } from './ReuseDocument';
import { UploadProgress } from './UploadProgress';
import { WaiveForm } from './WaiveForm';

/** One thing a partner owes: its state, its document or link, and (for those who may) mark done, upload or waive. */
export function ChecklistItemRow(props: {
  opportunityId: string;
  item: ChecklistItem;
  current: boolean;
  coordinator: boolean;
  organizationId: string | null;
}) {
  const { opportunityId, item, current, coordinator, organizationId } = props;
  const { t } = useTranslation();
  const inputId = useId();
  const update = useUpdateChecklistItem(opportunityId);
  const upload = useUploadChecklistFile(opportunityId, item.id);
  const [waiving, setWaiving] = useState(false);
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
        {item.downloadPath && (
          <>
            {' · '}
            <a href={item.downloadPath} translate="no">
              {item.file?.name ?? item.document?.title ?? t('consortium.download')}
            </a>
          </>
        )}
      </p>
      {item.status === 'waived' && item.waiveReason && (
        <p className="waive-reason">
          {t('consortium.waivedBecause')} <q translate="no">{item.waiveReason}</q>
        </p>
      )}
      {item.canEdit && (
        <div className="item-actions">
          {item.status === 'todo' ? (
            <button
              type="button"
              onClick={() => update.mutate({ itemId: item.id, body: { status: 'done' } })}
              disabled={update.isPending}
            >
              {t('opportunities.markDone')}
              <ItemName title={item.title} />
            </button>
          ) : (
            <button
              type="button"
              className="button-secondary"
              onClick={() => update.mutate({ itemId: item.id, body: { status: 'todo' } })}
              disabled={update.isPending}
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
              if (file) upload.mutate(file);
              event.target.value = '';
            }}
          />
          {coordinator && item.status !== 'waived' && !waiving && (
            <button type="button" className="button-secondary" onClick={() => setWaiving(true)}>
              {t('consortium.waive')}
              <ItemName title={item.title} />
            </button>
          )}
        </div>
      )}
      {upload.isPending && <UploadProgress fraction={upload.progress} />}
      {waiving && (
        <WaiveForm
          itemTitle={item.title}
          pending={update.isPending}
          cancel={() => setWaiving(false)}
          waive={(waiveReason) =>
            update.mutate(
              { itemId: item.id, body: { status: 'waived', waiveReason } },
              {
                onSuccess: () => {
                  setWaiving(false);
                  // The form that had focus is gone: keep the keyboard on the item it waived.
                  document.getElementById(`checklist-${item.id}`)?.focus();
                },
              },
            )
          }
        />
      )}
      {item.canEdit && organizationId && (
        <ReuseDocument
          organizationId={organizationId}
          currentId={item.documentId}
          itemTitle={item.title}
          pending={update.isPending}
          choose={(documentId) => update.mutate({ itemId: item.id, body: { documentId } })}
        />
      )}
      <FormError error={update.error ?? upload.error} />
    </li>
  );
}

/** The item's title after a button's text, for screen readers: which item the button acts on. */
export function ItemName({ title }: { title: string }) {
  return (
    <span className="visually-hidden" translate="no">
      {`: ${title}`}
    </span>
  );
}
