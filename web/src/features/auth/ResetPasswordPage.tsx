import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { PageTitle } from '../../components/PageTitle';
import { LanguageSwitch } from './LanguageSwitch';
import { NewPasswordForm } from './NewPasswordForm';
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
  const problem = token ? linkProblem(confirm.error) : 'auth.resetLinkInvalid';
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
          <NewPasswordForm
            onSubmit={(password) => confirm.mutate({ token, password })}
            pending={confirm.isPending}
            error={confirm.error}
          />
        )}
      </div>
    </main>
  );
}
