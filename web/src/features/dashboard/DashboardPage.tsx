import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';
import { useMe } from '../auth/session-hooks';
import { DeadlineSection } from '../deadlines/DeadlineSection';
import { useNarrow } from '../deadlines/use-narrow';
import { RecentActivity } from './RecentActivity';

const DAY = 86_400_000;
/** Items each section shows before its "Show more": a phone's screen, or a desktop's, stays a page or two. */
const FIRST_FEW = { phone: 3, desktop: 6 };

/** What is overdue, what is due in the next 30 days, my own tasks, and (for coordinators) recent activity. */
export function DashboardPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const [now] = useState(() => new Date());
  const from = now.toISOString();
  const to = new Date(now.getTime() + 30 * DAY).toISOString();
  const seesActivity = me.role === 'coordinator' || me.role === 'admin';
  const few = useNarrow() ? FIRST_FEW.phone : FIRST_FEW.desktop;
  return (
    <>
      <PageTitle>{t('dashboard.title')}</PageTitle>
      <div className="dashboard">
        <div>
          <DeadlineSection
            id="overdue"
            title={t('dashboard.overdue')}
            empty={t('dashboard.nothingOverdue')}
            filter={{ status: 'missed' }}
            readerZone={me.timeZone}
            initialCount={few}
          />
          <DeadlineSection
            id="next-30-days"
            title={t('dashboard.next30Days')}
            empty={t('dashboard.nothingDue')}
            filter={{ status: 'open', from, to }}
            readerZone={me.timeZone}
            initialCount={few}
          />
        </div>
        <div>
          <DeadlineSection
            id="my-tasks"
            title={t('dashboard.myTasks')}
            empty={t('dashboard.noTasks')}
            filter={{ status: 'open', mine: 'true', limit: 10 }}
            readerZone={me.timeZone}
            initialCount={few}
          />
          {seesActivity && <RecentActivity initialCount={few} />}
        </div>
      </div>
    </>
  );
}
