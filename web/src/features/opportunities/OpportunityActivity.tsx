import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { useOpportunityActivity } from './opportunity-hooks';

/** Who did what on this call: details, partners, checklist and its closing deadline, newest first. */
export function OpportunityActivity({ opportunityId }: { opportunityId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
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
        <ul className="activity-list">
          {activity.data.items.map((entry) => (
            <li key={entry.id}>
              <span translate="no">{entry.summary}</span>{' '}
              <time className="muted" dateTime={entry.createdAt} title={format.dateTime(entry.createdAt, 'UTC')}>
                {format.relative(entry.createdAt)}
              </time>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
