import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { LanguageSwitch } from './LanguageSwitch';
import { NewPasswordForm } from './NewPasswordForm';
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
          <NewPasswordForm
            onSubmit={(password) => accept.mutate({ token, password })}
            pending={accept.isPending}
            error={accept.error}
          />
        )}
      </div>
    </main>
  );
}
