import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';
import { useMe } from '../auth/session-hooks';
import { DeadlineSection } from './DeadlineSection';

/** Every open deadline from today on, and the missed ones (the digest e-mail links here). */
export function DeadlinesPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const [from] = useState(() => new Date().toISOString());
  return (
    <>
      <PageTitle>{t('deadlines.title')}</PageTitle>
      <DeadlineSection
        id="missed"
        title={t('dashboard.overdue')}
        empty={t('dashboard.nothingOverdue')}
        filter={{ status: 'missed' }}
        readerZone={me.timeZone}
      />
      <DeadlineSection
        id="upcoming"
        title={t('deadlines.upcoming')}
        empty={t('deadlines.nothingUpcoming')}
        filter={{ status: 'open', from }}
        readerZone={me.timeZone}
      />
    </>
  );
}
