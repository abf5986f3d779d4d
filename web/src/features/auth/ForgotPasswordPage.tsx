import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { PageTitle } from '../../components/PageTitle';
import { LanguageSwitch } from './LanguageSwitch';
import { useRequestPasswordReset } from './session-hooks';

/**
 * Asks for a reset link. The answer is the same whether or not the address has an account; it only says
 * whether this server sends e-mail at all, and when it does not the page says so instead of promising one.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate({ email });
  };
  const error = request.error;
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <p className="brand">{t('common.appName')}</p>
        <PageTitle>{t('auth.forgotTitle')}</PageTitle>
        <LanguageSwitch />
        {request.isSuccess && !request.data.emailConfigured ? (
          <div role="status">
            <p>{t('auth.resetNoEmail')}</p>
            <p className="hint">{t('auth.resetNoEmailHint')}</p>
          </div>
        ) : request.isSuccess ? (
          <div role="status">
            <p>{t('auth.resetSent', { email })}</p>
            <p className="hint">{t('auth.resetSentHint')}</p>
          </div>
        ) : (
          <form onSubmit={submit}>
            <p className="hint">{t('auth.forgotHint')}</p>
            <label htmlFor="email">{t('auth.email')}</label>
            <input
              id="email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
            {error && (
              <p className="form-error" role="alert">
                {error instanceof ApiError && error.status === 429
                  ? t('auth.tooManyResets')
                  : error instanceof ApiError && error.status === 400
                    ? t('auth.emailInvalid')
                    : t('auth.resetRequestFailed')}
              </p>
            )}
            <button type="submit" disabled={request.isPending}>
              {t('auth.sendResetLink')}
            </button>
          </form>
        )}
        <p className="auth-links">
          <Link to="/sign-in">{t('auth.backToSignIn')}</Link>
        </p>
      </div>
    </main>
  );
}
