import { useTranslation } from 'react-i18next';
import { Pager } from '../../../components/Pager';
import { Link, useSearchParams } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { useFormat } from '../../../i18n/format';
import { STAGES } from '../../../../../shared/opportunity.workflow';
import { useOrganizations } from '../../organizations/organization-hooks';
import { exportUrl, useOpportunityList, type ListFilter, type Stage } from './board-hooks';

const PAGE_SIZE = 25;

/** The filters live in the URL, so a filtered list can be bookmarked and shared. */
function filterFrom(params: URLSearchParams, organizationId: string | null): ListFilter {
  const value = (key: string) => params.get(key) || undefined;
  const stage = value('stage') as Stage | undefined;
  return {
    limit: PAGE_SIZE,
    offset: Number(params.get('offset') ?? 0) || 0,
    stage: stage ? [stage] : undefined,
    funderId: value('funderId'),
    q: value('q'),
    closesFrom: value('closesFrom'),
    closesTo: value('closesTo'),
    partnerOrganizationId: params.get('mine') === 'true' && organizationId ? organizationId : undefined,
    sort: params.get('sort') === '-closesAt' ? '-closesAt' : 'closesAt',
  };
}

export function OpportunityList({ organizationId }: { organizationId: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const filter = filterFrom(params, organizationId);
  const list = useOpportunityList(filter);
  const funders = useOrganizations({ funding: 'true', limit: 100 });
  const set = (key: string, value: string) =>
    setParams(
      (current) => {
        const copy = new URLSearchParams(current);
        if (value) copy.set(key, value);
        else copy.delete(key);
        if (key !== 'offset') copy.delete('offset');
        return copy;
      },
      { replace: true },
    );
  const offset = filter.offset ?? 0;
  const total = list.data?.total ?? 0;
  return (
    <section aria-labelledby="list-title">
      <h2 id="list-title" className="visually-hidden">
        {t('board.listView')}
      </h2>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('board.search')}
          <input type="search" value={params.get('q') ?? ''} onChange={(e) => set('q', e.target.value)} />
        </label>
        <label>
          {t('board.stage')}
          <select value={params.get('stage') ?? ''} onChange={(e) => set('stage', e.target.value)}>
            <option value="">{t('board.allStages')}</option>
            {STAGES.map((stage) => (
              <option key={stage} value={stage}>
                {t(`opportunities.stage.${stage}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('board.funder')}
          <select value={params.get('funderId') ?? ''} onChange={(e) => set('funderId', e.target.value)}>
            <option value="">{t('board.allFunders')}</option>
            {(funders.data?.items ?? []).map((f) => (
              <option key={f.id} value={f.id} translate="no">
                {f.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('board.closesFrom')}
          <input
            type="date"
            value={params.get('closesFrom') ?? ''}
            onChange={(e) => set('closesFrom', e.target.value)}
          />
        </label>
        <label>
          {t('board.closesTo')}
          <input type="date" value={params.get('closesTo') ?? ''} onChange={(e) => set('closesTo', e.target.value)} />
        </label>
        {organizationId && (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={params.get('mine') === 'true'}
              onChange={(e) => set('mine', e.target.checked ? 'true' : '')}
            />
            {t('board.mine')}
          </label>
        )}
        <a className="button button-secondary" href={exportUrl(filter)} download>
          {t('board.export')}
        </a>
      </form>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} retry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>{t('board.noMatches')}</EmptyState>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('board.callTitle')}</th>
                <th scope="col">{t('board.stage')}</th>
                <th scope="col">{t('board.funder')}</th>
                <th scope="col" aria-sort={filter.sort === 'closesAt' ? 'ascending' : 'descending'}>
                  <button
                    type="button"
                    className="button-link"
                    onClick={() => set('sort', filter.sort === 'closesAt' ? '-closesAt' : '')}
                  >
                    {t('board.closes')} <span aria-hidden="true">{filter.sort === 'closesAt' ? '▲' : '▼'}</span>
                  </button>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link to={`/opportunities/${o.id}`} translate="no">
                      {o.title}
                    </Link>
                  </td>
                  <td>{t(`opportunities.stage.${o.stage}`)}</td>
                  <td translate="no">{o.funder ?? '—'}</td>
                  <td>{o.closesAt ? format.date(o.closesAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        label={t('board.pages')}
        offset={offset}
        pageSize={PAGE_SIZE}
        total={total}
        onOffset={(next) => set('offset', String(next))}
      />
    </section>
  );
}
