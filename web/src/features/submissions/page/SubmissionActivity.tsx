import { useTranslation } from 'react-i18next';
import { ActivityList } from '../../../components/ActivityList';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { useSubmissionActivity } from './page-hooks';

/** Who did what on this submission (moves, sign-on, snapshots, details), newest first; coordinators read it. */
export function SubmissionActivity({ submissionId }: { submissionId: string }) {
  const { t } = useTranslation();
  const activity = useSubmissionActivity(submissionId);
  return (
    <section aria-labelledby="submission-activity" className="panel">
      <h2 id="submission-activity">{t('submission-page.activity.title')}</h2>
      {activity.isPending ? (
        <LoadingState />
      ) : activity.error ? (
        <ErrorState error={activity.error} retry={() => void activity.refetch()} />
      ) : activity.data.items.length === 0 ? (
        <EmptyState>{t('submission-page.activity.none')}</EmptyState>
      ) : (
        <ActivityList items={activity.data.items} />
      )}
    </section>
  );
}
