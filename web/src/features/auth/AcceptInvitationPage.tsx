import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { FormError } from '../../components/states';
import { PageTitle } from '../../components/PageTitle';
import { LanguageSwitch } from './LanguageSwitch';
import { useAcceptInvitation } from './session-hooks';

/** The invitation e-mail's link: `/invitation?token=…` (as the server writes it) opens `/invitations/:token`. */
export function InvitationLinkRedirect() {
  const [params] = useSearchParams();
  const token = params.get('token');
  return <Navigate to={token ? `/invitations/${encodeURIComponent(token)}` : '/sign-in'} replace />;
}

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const accept = useAcceptInvitation();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const mismatch = repeat.length > 0 && password !== repeat;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!mismatch) accept.mutate({ token, password });
  };
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <p className="brand">{t('common.appName')}</p>
        <PageTitle>{t('auth.invitationTitle')}</PageTitle>
        <LanguageSwitch />
        {accept.isSuccess ? (
          <div role="status">
            <p>{t('auth.passwordSet')}</p>
            <Link to="/sign-in" className="button">
              {t('auth.signIn')}
            </Link>
          </div>
        ) : (
          <form onSubmit={submit}>
            <p className="hint">{t('auth.passwordHint')}</p>
            <label htmlFor="new-password">{t('auth.newPassword')}</label>
            <input
              id="new-password"
              type="password"
              autoComplete="new-password"
              minLength={8}
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <label htmlFor="repeat-password">{t('auth.repeatPassword')}</label>
            <input
              id="repeat-password"
              type="password"
              autoComplete="new-password"
              required
              aria-invalid={mismatch}
              aria-describedby={mismatch ? 'mismatch' : undefined}
              value={repeat}
              onChange={(e) => setRepeat(e.target.value)}
            />
            {mismatch && (
              <p id="mismatch" className="form-error">
                {t('auth.passwordsDiffer')}
              </p>
            )}
            <FormError error={accept.error} />
            <button type="submit" disabled={accept.isPending || mismatch}>
              {t('auth.setPassword')}
            </button>
          </form>
        )}
      </div>
    </main>
  );
}
