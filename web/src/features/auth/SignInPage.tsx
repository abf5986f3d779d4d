import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { PageTitle } from '../../components/PageTitle';
import type { Language } from '../../i18n/i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { useMe, useSignIn } from './session-hooks';

/** Only paths inside this app, never another site, are followed after signing in. */
const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/');

export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Only a language picked on this page changes the profile; the browser's guess never does.
  const [picked, setPicked] = useState<Language>();
  const next = safeNext(params.get('next'));

  if (me.data) return <Navigate to={next} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email, password, language: picked }, { onSuccess: () => void navigate(next, { replace: true }) });
  };
  const error = signIn.error;
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <p className="brand">{t('common.appName')}</p>
        <PageTitle>{t('auth.signInTitle')}</PageTitle>
        <LanguageSwitch onPick={setPicked} />
        <form onSubmit={submit}>
          <label htmlFor="email">{t('auth.email')}</label>
          <input
            id="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <label htmlFor="password">{t('auth.password')}</label>
          <input
            id="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          {error && (
            <p className="form-error" role="alert">
              {error instanceof ApiError && error.status === 401
                ? t('auth.wrongPassword')
                : error instanceof ApiError && error.status === 429
                  ? t('auth.tooManyAttempts')
                  : t('auth.signInFailed')}
            </p>
          )}
          <button type="submit" disabled={signIn.isPending}>
            {signIn.isPending ? t('auth.signingIn') : t('auth.signIn')}
          </button>
        </form>
        <p className="auth-links">
          <Link to="/forgot-password">{t('auth.forgotPassword')}</Link>
        </p>
      </div>
    </main>
  );
}
