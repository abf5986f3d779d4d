import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { ActivityList } from '../../components/ActivityList';
import { useOpportunityActivity } from './opportunity-hooks';

/** Who did what on this call: details, partners, checklist and its closing deadline, newest first. */
export function OpportunityActivity({ opportunityId }: { opportunityId: string }) {
  const { t } = useTranslation();
  const activity = useOpportunityActivity(opportunityId);
  return (
    <section aria-labelledby="opportunity-activity" className="panel">
      <h2 id="opportunity-activity">{t('consortium.activity')}</h2>
      {activity.isPending ? (
        <LoadingState />
      ) : activity.error ? (
        <ErrorState error={activity.error} retry={() => void activity.refetch()} />
      ) : activity.data.items.length === 0 ? (
        <EmptyState>{t('consortium.noActivity')}</EmptyState>
      ) : (
        <ActivityList items={activity.data.items} />
      )}
    </section>
  );
}
