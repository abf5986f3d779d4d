import { useTranslation } from 'react-i18next';

/** A review form's last row: submit (saying "Saving…" while it saves) and cancel. */
export function SaveOrCancel({ pending, save, cancel }: { pending: boolean; save: string; cancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="toolbar form-actions">
      <button type="submit" disabled={pending}>
        {pending ? t('reviews.saving') : save}
      </button>
      <button type="button" className="button-secondary" onClick={cancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
