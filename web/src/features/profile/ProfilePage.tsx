import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';
import { useMe } from '../auth/session-hooks';
import { ApiTokensPanel } from './ApiTokensPanel';
import { CalendarFeedPanel } from './CalendarFeedPanel';
import { PasswordPanel } from './PasswordPanel';
import { ProfileForm } from './ProfileForm';
import { TelegramPanel } from './TelegramPanel';

export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  return (
    <>
      <PageTitle>{t('profile.title')}</PageTitle>
      <p className="muted" translate="no">
        {me.email}
      </p>
      <div className="profile">
        <ProfileForm me={me} />
        <div>
          <TelegramPanel me={me} />
          <CalendarFeedPanel />
          <PasswordPanel />
          <ApiTokensPanel />
        </div>
      </div>
    </>
  );
}
