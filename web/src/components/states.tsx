import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
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

export type LoadProblem = 'not_found' | 'forbidden' | 'invalid_link' | 'offline' | 'server' | 'refused';

/**
 * Why something could not be loaded: a record that is not there (or hidden: 404), one the reader may not
 * see (403), a link that is not a record's address (a 400 on a read: an id cut short or mangled), no
 * connection (the request never got an answer), or the server failing (5xx).
 */
export function loadProblem(error: unknown): LoadProblem {
  if (!(error instanceof ApiError)) return 'offline';
  if (error.status === 404) return 'not_found';
  if (error.status === 403) return 'forbidden';
  if (error.status === 400) return 'invalid_link';
  if (error.status >= 500) return 'server';
  return 'refused';
}

/** What went wrong, in the reader's language, with a retry where trying again can help. */
export function ErrorState({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useTranslation();
  const online = useOnline();
  const problem = loadProblem(error);
  // No answer at all while offline, with no copy kept on this device to show instead.
  const offline = problem === 'offline' && !online;
  const message = offline
    ? t('common.offlineNotSaved')
    : problem === 'refused'
      ? refusalText(error as ApiError)
      : t(`common.loadProblem.${problem}`);
  const retryable = (problem === 'offline' && online) || problem === 'server';
  return (
    <div className={offline ? 'state' : 'state state-error'} role={offline ? 'status' : 'alert'}>
      <p>{message}</p>
      {retry && retryable && (
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
