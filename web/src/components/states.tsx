import { useTranslation } from 'react-i18next';
import { ApiError, isNotFound } from '../api/client';
import { refusalText } from '../api/refusals';
import { useOnline } from '../offline/use-online';

export function LoadingState() {
  const { t } = useTranslation();
  return (
    <p className="state" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {t('common.loading')}
    </p>
  );
}

export function EmptyState({ children }: { children: React.ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}

/** What went wrong, in the reader's language, with a retry where trying again can help. */
export function ErrorState({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useTranslation();
  const online = useOnline();
  // Not an answer from the server but no answer at all, with no copy kept on this device to show instead.
  const offline = !online && !(error instanceof ApiError);
  const message = offline
    ? t('common.offlineNotSaved')
    : isNotFound(error)
      ? t('common.notFoundOrHidden')
      : error instanceof ApiError && error.status === 403
        ? t('common.forbidden')
        : error instanceof ApiError && error.status < 500
          ? refusalText(error)
          : t('common.loadFailed');
  return (
    <div className={offline ? 'state' : 'state state-error'} role={offline ? 'status' : 'alert'}>
      <p>{message}</p>
      {retry && !offline && !isNotFound(error) && (
        <button type="button" className="button-secondary" onClick={retry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

/** A server refusal shown beside the form that caused it. */
export function FormError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const text = error instanceof ApiError && error.status < 500 ? refusalText(error) : t('common.saveFailed');
  return (
    <p className="form-error" role="alert">
      {text}
    </p>
  );
}
