import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { usePartners } from './opportunity-hooks';

/** The consortium: each partner's role, participation and budget share, with totals per currency (never converted). */
export function PartnerTable({ opportunityId }: { opportunityId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const partners = usePartners(opportunityId);
  return (
    <section className="panel" aria-labelledby="partners">
      <h2 id="partners">{t('opportunities.partners')}</h2>
      {partners.isPending ? (
        <LoadingState />
      ) : partners.error ? (
        <ErrorState error={partners.error} retry={() => void partners.refetch()} />
      ) : partners.data.items.length === 0 ? (
        <EmptyState>{t('opportunities.noPartners')}</EmptyState>
      ) : (
        <div className="table-scroll" tabIndex={0} role="group" aria-labelledby="partners">
          <table>
            <caption className="visually-hidden">{t('opportunities.partners')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('opportunities.organization')}</th>
                <th scope="col">{t('opportunities.roleAndParticipation')}</th>
                <th scope="col" className="number">
                  {t('opportunities.budget')}
                </th>
              </tr>
            </thead>
            <tbody>
              {partners.data.items.map((p) => (
                <tr key={p.id}>
                  <th scope="row" translate="no">
                    {p.organization.acronym ?? p.organization.name}
                  </th>
                  <td>
                    {t(`opportunities.partnerRole.${p.role}`)}{' '}
                    <span className={`badge badge-${p.status}`}>{t(`opportunities.partnerStatus.${p.status}`)}</span>
                  </td>
                  <td className="number">
                    {p.budgetAmount && p.budgetCurrency ? format.money(p.budgetAmount, p.budgetCurrency) : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
            {partners.data.budget.length > 0 && (
              <tfoot>
                {partners.data.budget.map((total) => (
                  <tr key={total.currency}>
                    <th scope="row" colSpan={2}>
                      {t('opportunities.totalIn', { currency: total.currency })}
                    </th>
                    <td className="number">{format.money(total.amount, total.currency)}</td>
                  </tr>
                ))}
              </tfoot>
            )}
          </table>
        </div>
      )}
    </section>
  );
}
