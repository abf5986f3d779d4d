import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { AddPartnerForm } from './AddPartnerForm';
import { PartnerCard } from './PartnerCard';
import { usePartners } from './partner-hooks';
import { ShowMoreButton, useFirstFew } from '../../components/ShowMore';
import { useNarrow } from '../deadlines/use-narrow';

/** The consortium: each partner's role, participation and budget share, with totals per currency (never converted). */
export function PartnerTable({ opportunityId, canEdit }: { opportunityId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const partners = usePartners(opportunityId);
  const few = useFirstFew(partners.data?.items ?? [], useNarrow() ? 3 : undefined);
  return (
    <section className="panel" aria-labelledby="partners">
      <h2 id="partners">
        {t('opportunities.partners')}
        {partners.data && <span className="count">{partners.data.items.length}</span>}
      </h2>
      {partners.isPending ? (
        <LoadingState />
      ) : partners.error ? (
        <ErrorState error={partners.error} retry={() => void partners.refetch()} />
      ) : (
        <>
          {partners.data.items.length === 0 ? (
            <EmptyState>{t('opportunities.noPartners')}</EmptyState>
          ) : (
            <div ref={few.listRef}>
              <ul className="card-list partner-list">
                {few.visible.map((p) => (
                  <PartnerCard key={p.id} opportunityId={opportunityId} partner={p} coordinator={canEdit} />
                ))}
              </ul>
              <ShowMoreButton hidden={few.hidden} onClick={few.showAll} />
            </div>
          )}
          {partners.data.budget.length > 0 && (
            <table className="budget-totals">
              <caption>{t('consortium.budgetTotals')}</caption>
              <tbody>
                {partners.data.budget.map((total) => (
                  <tr key={total.currency}>
                    <th scope="row">{t('opportunities.totalIn', { currency: total.currency })}</th>
                    <td>
                      <strong className="number">{format.money(total.amount, total.currency)}</strong>{' '}
                      <span className="muted">{t('consortium.partnerCount', { count: total.partners })}</span>
                      {!total.callCurrency && <span className="muted"> · {t('consortium.notCallCurrency')}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {canEdit && (
            <AddPartnerForm opportunityId={opportunityId} taken={partners.data.items.map((p) => p.organizationId)} />
          )}
        </>
      )}
    </section>
  );
}
