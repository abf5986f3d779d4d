import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZonedTime } from '../../components/ZonedTime';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { useFormat } from '../../i18n/format';
import { type Opportunity, useFunder } from './opportunity-hooks';
import { OpportunityDetailsForm } from './OpportunityDetailsForm';
import { ReadinessProblem } from './ReadinessProblem';
import { ShowMoreButton, useFirstFew } from '../../components/ShowMore';
import { useNarrow } from '../deadlines/use-narrow';

const CLOSING_DATE_TEMPLATE = 'opportunity.closesAt';

/** The deadline the call's closing date drives (the server keeps it in step with `closesAt`). */
function useClosingDeadline(opportunityId: string) {
  const filter = { subjectType: 'opportunity', subjectId: opportunityId, closing: 'true' };
  return useQuery({
    queryKey: queryKeys.deadlines.list(filter),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/deadlines', {
          params: { query: { subjectType: 'opportunity', subjectId: opportunityId, limit: 100 } },
        }),
      ),
    select: (page) => page.items.find((d) => d.templateId === CLOSING_DATE_TEMPLATE && d.status !== 'cancelled'),
  });
}

export function OpportunityDetails({ opportunity: o, zone }: { opportunity: Opportunity; zone: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const funder = useFunder(o.funderId);
  const closing = useClosingDeadline(o.id);
  const [editing, setEditing] = useState(false);
  // On a phone, the first two problems and "Show more".
  const problems = useFirstFew(o.readiness.problems, useNarrow() ? 2 : undefined);
  const amount =
    o.currency && (o.amountMin || o.amountMax)
      ? [o.amountMin, o.amountMax]
          .filter((a): a is string => a !== null)
          .map((a) => format.money(a, o.currency!))
          .join(' – ')
      : null;
  return (
    <section className="panel" aria-labelledby="details">
      <div className="panel-head">
        <h2 id="details">{t('opportunities.details')}</h2>
        {o.canEdit && !editing && (
          <button type="button" className="button-secondary" onClick={() => setEditing(true)}>
            {t('consortium.edit')}
          </button>
        )}
      </div>
      {editing ? (
        <OpportunityDetailsForm opportunity={o} zone={zone} done={() => setEditing(false)} />
      ) : (
        <>
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
            <div>
              <dt>{t('opportunities.closes')}</dt>
              <dd>
                {o.closesAt ? <ZonedTime iso={o.closesAt} zone={zone} /> : t('consortium.noClosingDate')}
                {closing.data && (
                  <>
                    {' · '}
                    <Link to={`/deadlines/${closing.data.id}`}>{t('consortium.closingDeadline')}</Link>
                  </>
                )}
              </dd>
            </div>
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
        </>
      )}
      {!o.readiness.readyToSubmit && o.readiness.blockers.length > 0 && (
        <div className="blockers">
          <h3>{t('opportunities.notReady')}</h3>
          <div ref={problems.listRef}>
            <ul>
              {problems.visible.map((problem, i) => (
                <li key={i}>
                  <ReadinessProblem problem={problem} />
                </li>
              ))}
            </ul>
            <ShowMoreButton hidden={problems.hidden} onClick={problems.showAll} />
          </div>
        </div>
      )}
    </section>
  );
}
