import { useEffect } from 'react';
import { Navigate, useLocation } from 'react-router';
import { isUnauthorized } from '../../api/client';
import { AppShell } from '../../components/AppShell';
import { ErrorState, LoadingState } from '../../components/states';
import { isLanguage, setLanguage } from '../../i18n/i18n';
import { clearApiCache } from '../../offline/api-cache';
import { useMe } from './session-hooks';

/** The signed-in part of the app: signs the reader in first, then speaks their profile's language. */
export function RequireSession() {
  const me = useMe();
  const location = useLocation();
  const language = me.data?.language;
  useEffect(() => {
    if (isLanguage(language)) void setLanguage(language);
  }, [language]);

  const signedOut = isUnauthorized(me.error);
  useEffect(() => {
    // The session ended (signed out elsewhere, expired): what this device kept of it goes too.
    if (signedOut) void clearApiCache();
  }, [signedOut]);

  if (me.isPending) return <LoadingState />;
  if (me.error && isUnauthorized(me.error)) {
    const next = location.pathname + location.search + location.hash;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.error)
    return (
      <main id="main">
        <ErrorState error={me.error} retry={() => void me.refetch()} />
      </main>
    );
  return <AppShell userId={me.data.id} userName={me.data.name} isAdmin={me.data.role === 'admin'} />;
}
