import { useTranslation } from 'react-i18next';
import { ActivityPanel } from '../../components/ActivityPanel';
import { useOpportunityActivity } from './opportunity-hooks';

/** Who did what on this call: details, partners, checklist and its closing deadline, newest first. */
export function OpportunityActivity({ opportunityId }: { opportunityId: string }) {
  const { t } = useTranslation();
  return (
    <ActivityPanel
      id="opportunity-activity"
      title={t('consortium.activity')}
      empty={t('consortium.noActivity')}
      activity={useOpportunityActivity(opportunityId)}
    />
  );
}
