import { useTranslation } from 'react-i18next';
import { ActivityPanel } from '../../../components/ActivityPanel';
import { useSubmissionActivity } from './page-hooks';

/** Who did what on this submission (moves, sign-on, snapshots, details), newest first; coordinators read it. */
export function SubmissionActivity({ submissionId }: { submissionId: string }) {
  const { t } = useTranslation();
  return (
    <ActivityPanel
      id="submission-activity"
      title={t('submission-page.activity.title')}
      empty={t('submission-page.activity.none')}
      activity={useSubmissionActivity(submissionId)}
    />
  );
}
