import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ErrorState, LoadingState } from '../../components/states';
import { useMe } from '../auth/session-hooks';
import { DeadlineSection } from '../deadlines/DeadlineSection';
import { OpportunityActivity } from './OpportunityActivity';
import { OpportunityDetails } from './OpportunityDetails';
import { useOpportunity } from './opportunity-hooks';
import { PartnerChecklists } from './PartnerChecklists';
import { PartnerTable } from './PartnerTable';
import './opportunity.css';
import { useNarrow } from '../deadlines/use-narrow';

export function OpportunityPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe().data!;
  const opportunity = useOpportunity(id);
  const narrow = useNarrow();

  if (opportunity.isPending) return <LoadingState />;
  if (opportunity.error) return <ErrorState error={opportunity.error} retry={() => void opportunity.refetch()} />;
  const o = opportunity.data;
  // What is due: on a phone, where a reminder's link lands, it comes right after the call's details.
  const deadlines = (
    <DeadlineSection
      id="opportunity-deadlines"
      title={t('opportunities.deadlines')}
      empty={t('opportunities.noDeadlines')}
      filter={{ subjectType: 'opportunity', subjectId: o.id }}
      readerZone={me.timeZone}
      addLabel={o.canEdit ? t('consortium.addDeadline') : undefined}
    />
  );
  return (
    <article className="record">
      <PageTitle eyebrow={t('opportunities.eyebrow')} isData>
        {o.title}
      </PageTitle>
      <p>
        <span className={`badge stage stage-${o.stage}`}>{t(`opportunities.stage.${o.stage}`)}</span>
      </p>
      <OpportunityDetails opportunity={o} zone={me.timeZone} />
      {narrow && deadlines}
      <PartnerTable opportunityId={o.id} canEdit={o.canEdit} />
      <PartnerChecklists opportunityId={o.id} coordinator={o.canEdit} />
      {!narrow && deadlines}
      <OpportunityActivity opportunityId={o.id} />
    </article>
  );
}
