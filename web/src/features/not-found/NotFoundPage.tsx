import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';

/** Any path this app does not know, e.g. a mistyped or outdated link. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <p className="brand">{t('common.appName')}</p>
        <PageTitle>{t('notFound.title')}</PageTitle>
        <p>{t('notFound.text')}</p>
        <Link to="/" className="button">
          {t('notFound.home')}
        </Link>
      </div>
    </main>
  );
}
