import { useTranslation } from 'react-i18next';
import { useOnline } from '../offline/use-online';

/**
 * Says, politely, that there is no connection and that what is shown is what this device kept from the last
 * visit (the service worker's copy). The live region stays in the page so that the change is announced.
 */
export function OfflineNotice() {
  const { t } = useTranslation();
  const online = useOnline();
  return (
    <div role="status" aria-live="polite">
      {!online && <p className="offline-notice">{t('common.offline')}</p>}
    </div>
  );
}
