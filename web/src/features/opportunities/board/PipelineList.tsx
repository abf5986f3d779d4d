import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { useFormat } from '../../../i18n/format';
import { exportUrl, type PipelineFilter, type Stage, STAGES, usePipeline } from './pipeline-hooks';

/** The pipeline as a table: search, stage and closing-date filters, sorting, and the same selection as CSV. */
export function PipelineList() {
  const { t } = useTranslation();
  const format = useFormat();
  const [filter, setFilter] = useState<PipelineFilter>({ sort: 'closesAt' });
  const pipeline = usePipeline(filter);
  const set = (change: Partial<PipelineFilter>) => setFilter((f) => ({ ...f, ...change }));
  return (
    <section aria-labelledby="list-title">
      <h2 id="list-title" className="visually-hidden">
        {t('board.view.list')}
      </h2>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="filter-q">{t('board.search')}</label>
          <input id="filter-q" type="search" value={filter.q ?? ''} onChange={(e) => set({ q: e.target.value })} />
        </div>
        <div>
          <label htmlFor="filter-stage">{t('board.stage')}</label>
          <select
            id="filter-stage"
            value={filter.stage ?? ''}
            onChange={(e) => set({ stage: (e.target.value || undefined) as Stage | undefined })}
          >
            <option value="">{t('board.allStages')}</option>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`opportunities.stage.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-from">{t('board.closesFrom')}</label>
          <input
            id="filter-from"
            type="date"
            value={filter.closesFrom ?? ''}
            onChange={(e) => set({ closesFrom: e.target.value || undefined })}
          />
        </div>
        <div>
          <label htmlFor="filter-to">{t('board.closesTo')}</label>
          <input
            id="filter-to"
            type="date"
            value={filter.closesTo ?? ''}
            onChange={(e) => set({ closesTo: e.target.value || undefined })}
          />
        </div>
        <div>
          <label htmlFor="filter-sort">{t('board.sort')}</label>
          <select
            id="filter-sort"
            value={filter.sort}
            onChange={(e) => set({ sort: e.target.value as PipelineFilter['sort'] })}
          >
            <option value="closesAt">{t('board.sortClosing')}</option>
            <option value="-updatedAt">{t('board.sortUpdated')}</option>
            <option value="title">{t('board.sortTitle')}</option>
          </select>
        </div>
      </form>
      <p>
        <a className="button-link" href={exportUrl(filter)} download>
          {t('board.export')}
        </a>
      </p>
      {pipeline.isPending ? (
        <LoadingState />
      ) : pipeline.isError ? (
        <ErrorState error={pipeline.error} retry={() => void pipeline.refetch()} />
      ) : pipeline.data.items.length === 0 ? (
        <EmptyState>{t('board.noMatch')}</EmptyState>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('board.tableCaption', { count: pipeline.data.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('board.callTitle')}</th>
                <th scope="col">{t('board.stage')}</th>
                <th scope="col">{t('board.closesOn')}</th>
                <th scope="col">{t('board.amountMax')}</th>
              </tr>
            </thead>
            <tbody>
              {pipeline.data.items.map((o) => (
                <tr key={o.id}>
                  <td translate="no">
                    <Link to={`/opportunities/${o.id}`}>{o.title}</Link>
                  </td>
                  <td>{t(`opportunities.stage.${o.stage}`)}</td>
                  <td>{o.closesAt ? format.date(o.closesAt) : '—'}</td>
                  <td className="number" translate="no">
                    {o.amountMax && o.currency ? format.money(o.amountMax, o.currency) : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
