import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ErrorState, LoadingState } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { useMe } from '../auth/session-hooks';
import { DeadlineSection } from '../deadlines/DeadlineSection';
import { useFunder, useOpportunity } from './opportunity-hooks';
import { PartnerChecklists } from './PartnerChecklists';
import { PartnerTable } from './PartnerTable';

export function OpportunityPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const me = useMe().data!;
  const opportunity = useOpportunity(id);
  const funder = useFunder(opportunity.data?.funderId ?? null);

  if (opportunity.isPending) return <LoadingState />;
  if (opportunity.error) return <ErrorState error={opportunity.error} retry={() => void opportunity.refetch()} />;
  const o = opportunity.data;
  const amount =
    o.currency && (o.amountMin || o.amountMax)
      ? [o.amountMin, o.amountMax]
          .filter((a): a is string => a !== null)
          .map((a) => format.money(a, o.currency!))
          .join(' – ')
      : null;
  return (
    <article className="record">
      <PageTitle eyebrow={t('opportunities.eyebrow')} isData>
        {o.title}
      </PageTitle>
      <p>
        <span className={`badge stage stage-${o.stage}`}>{t(`opportunities.stage.${o.stage}`)}</span>
      </p>
      <section className="panel" aria-labelledby="details">
        <h2 id="details">{t('opportunities.details')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('opportunities.funder')}</dt>
            <dd translate="no">{funder.data?.name ?? '—'}</dd>
          </div>
          {o.callReference && (
            <div>
              <dt>{t('opportunities.callReference')}</dt>
              <dd translate="no">{o.callReference}</dd>
            </div>
          )}
          {amount && (
            <div>
              <dt>{t('opportunities.amount')}</dt>
              <dd>{amount}</dd>
            </div>
          )}
          {o.closesAt && (
            <div>
              <dt>{t('opportunities.closes')}</dt>
              <dd>{format.dateTime(o.closesAt, me.timeZone)}</dd>
            </div>
          )}
          {o.url && (
            <div>
              <dt>{t('opportunities.call')}</dt>
              <dd>
                <a href={o.url} target="_blank" rel="noreferrer">
                  {t('opportunities.openCall')}
                </a>
              </dd>
            </div>
          )}
        </dl>
        {o.description && (
          <p className="description" translate="no">
            {o.description}
          </p>
        )}
        {o.readiness && !o.readiness.readyToSubmit && o.readiness.blockers.length > 0 && (
          <div className="blockers">
            <h3>{t('opportunities.notReady')}</h3>
            <ul translate="no">
              {o.readiness.blockers.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          </div>
        )}
      </section>
      <PartnerTable opportunityId={o.id} />
      <PartnerChecklists opportunityId={o.id} />
      <DeadlineSection
        id="opportunity-deadlines"
        title={t('opportunities.deadlines')}
        empty={t('opportunities.noDeadlines')}
        filter={{ subjectType: 'opportunity', subjectId: o.id }}
        readerZone={me.timeZone}
      />
    </article>
  );
}
