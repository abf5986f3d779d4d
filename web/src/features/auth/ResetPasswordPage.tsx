import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { FormError } from '../../components/states';
import { PageTitle } from '../../components/PageTitle';
import { LanguageSwitch } from './LanguageSwitch';
import { useConfirmPasswordReset } from './session-hooks';

/** Why a reset link was refused (`details.code`), in the reader's language. */
const LINK_PROBLEMS: Record<string, string> = {
  'passwordReset.invalid': 'auth.resetLinkInvalid',
  'passwordReset.expired': 'auth.resetLinkExpired',
  'passwordReset.used': 'auth.resetLinkUsed',
};

function linkProblem(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  const code = (error.details as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? (LINK_PROBLEMS[code] ?? null) : null;
}

/** The reset e-mail's link, `/reset-password?token=…`: choose a new password, then sign in. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirm = useConfirmPasswordReset();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const mismatch = repeat.length > 0 && password !== repeat;
  const problem = token ? linkProblem(confirm.error) : 'auth.resetLinkInvalid';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!mismatch) confirm.mutate({ token, password });
  };
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <p className="brand">{t('common.appName')}</p>
        <PageTitle>{t('auth.resetTitle')}</PageTitle>
        <LanguageSwitch />
        {confirm.isSuccess ? (
          <div role="status">
            <p>{t('auth.passwordReset')}</p>
            <Link to="/sign-in" className="button">
              {t('auth.signIn')}
            </Link>
          </div>
        ) : problem ? (
          <div role="alert" className="state state-error">
            <p>{t(problem)}</p>
            <Link to="/forgot-password" className="button">
              {t('auth.askNewLink')}
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
            <FormError error={confirm.error} />
            <button type="submit" disabled={confirm.isPending || mismatch}>
              {t('auth.setPassword')}
            </button>
          </form>
        )}
      </div>
    </main>
  );
}
