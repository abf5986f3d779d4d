import { useTranslation } from 'react-i18next';
import { Pager } from '../../../components/Pager';
import { Link, useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { useFormat } from '../../../i18n/format';
import { useMe } from '../../auth/session-hooks';
import { zonedToIso } from '../../opportunities/zoned-time';
import { SUBMISSION_STATUSES } from '../../../../../shared/submission.workflow';
import { useSubmissionList } from '../page/page-hooks';
import '../../opportunities/board/board.css';
import '../page/submission-page.css';
import type { ListFilter, SubmissionStatus } from '../submission-hooks';

const PAGE_SIZE = 25;

/** The day after `date` (YYYY-MM-DD), so "due before" includes the whole chosen day. */
function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** The filters live in the URL, so a filtered list can be bookmarked and shared. */
function filterFrom(params: URLSearchParams, zone: string): ListFilter {
  const value = (key: string) => params.get(key)?.trim() || undefined;
  const dueBefore = value('dueBefore');
  const validDate = dueBefore && /^\d{4}-\d{2}-\d{2}$/.test(dueBefore) ? dueBefore : undefined;
  const status = value('status');
  return {
    limit: PAGE_SIZE,
    offset: Number(params.get('offset') ?? 0) || 0,
    targetBody: value('targetBody'),
    status: SUBMISSION_STATUSES.includes(status as SubmissionStatus) ? (status as SubmissionStatus) : undefined,
    q: value('q'),
    dueBefore: validDate ? zonedToIso(`${dayAfter(validDate)}T00:00`, zone) : undefined,
    sort: params.get('sort') === 'deadline' ? 'deadline' : 'created',
  };
}

/** Every joint submission the reader may see, filtered by body, status and deadline. */
export function SubmissionsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe().data!;
  const [params, setParams] = useSearchParams();
  const filter = filterFrom(params, me.timeZone);
  const list = useSubmissionList(filter);
  const canCreate = me.role !== 'viewer';
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
  const filtered = ['targetBody', 'status', 'dueBefore', 'q'].some((key) => params.get(key));
  return (
    <>
      <PageTitle>{t('submission-page.list.title')}</PageTitle>
      {canCreate && (
        <div className="toolbar">
          <Link className="button" to="/submissions/new">
            {t('submission-page.list.new')}
          </Link>
        </div>
      )}
      <form
        className="filters submission-filters"
        role="search"
        aria-label={t('submission-page.list.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <label className="filter-wide">
          {t('submission-page.list.search')}
          <input type="search" value={params.get('q') ?? ''} onChange={(e) => set('q', e.target.value)} />
        </label>
        <label className="filter-wide">
          {t('submission-page.list.targetBody')}
          <input
            type="search"
            value={params.get('targetBody') ?? ''}
            placeholder={t('submission-page.list.targetBodyExample')}
            onChange={(e) => set('targetBody', e.target.value)}
          />
        </label>
        <label>
          {t('submission-page.list.status')}
          <select value={params.get('status') ?? ''} onChange={(e) => set('status', e.target.value)}>
            <option value="">{t('submission-page.list.allStatuses')}</option>
            {SUBMISSION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`submissions.status.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('submission-page.list.dueBefore')}
          <input type="date" value={params.get('dueBefore') ?? ''} onChange={(e) => set('dueBefore', e.target.value)} />
        </label>
        <label>
          {t('submission-page.list.sort')}
          <select value={filter.sort} onChange={(e) => set('sort', e.target.value === 'deadline' ? 'deadline' : '')}>
            <option value="created">{t('submission-page.list.sortCreated')}</option>
            <option value="deadline">{t('submission-page.list.sortDeadline')}</option>
          </select>
        </label>
      </form>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} retry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>{filtered ? t('submission-page.list.noMatches') : t('submission-page.list.empty')}</EmptyState>
      ) : (
        <>
          <p className="muted" role="status">
            {t('submission-page.list.count', { count: total, total: format.number(total) })}
          </p>
          <ul className="card-list submission-list">
            {list.data.items.map((s) => (
              <li key={s.id} className="card">
                <div className="card-head">
                  <Link to={`/submissions/${s.id}`} className="card-title" translate="no">
                    {s.title}
                  </Link>
                  <span className={`badge stage stage-${s.status}`}>{t(`submissions.status.${s.status}`)}</span>
                </div>
                <dl className="card-facts">
                  <div>
                    <dt>{t('submissions.targetBody')}</dt>
                    <dd translate="no">{s.targetBody}</dd>
                  </div>
                  {s.leadOrganization && (
                    <div>
                      <dt>{t('submissions.lead')}</dt>
                      <dd translate="no">{s.leadOrganization.acronym ?? s.leadOrganization.name}</dd>
                    </div>
                  )}
                  <div>
                    <dt>{t('submission-page.list.nextDeadline')}</dt>
                    <dd>
                      {s.nextDeadline ? (
                        <>
                          <Link to={`/deadlines/${s.nextDeadline.id}`} translate="no">
                            {s.nextDeadline.title}
                          </Link>{' '}
                          <time dateTime={s.nextDeadline.dueAt}>
                            {format.date(s.nextDeadline.dueAt, s.nextDeadline.timeZone)} (
                            {format.relative(s.nextDeadline.dueAt)})
                          </time>
                        </>
                      ) : (
                        t('submission-page.list.noDeadline')
                      )}
                    </dd>
                  </div>
                  {s.signOff.requiredSigners > 0 && (
                    <div>
                      <dt>{t('submissions.endorsements')}</dt>
                      <dd className={s.signOff.missing.length ? 'warning' : undefined}>
                        {t('submission-page.list.signedOf', {
                          endorsed: format.number(s.signOff.endorsed),
                          required: format.number(s.signOff.requiredSigners),
                        })}
                      </dd>
                    </div>
                  )}
                </dl>
              </li>
            ))}
          </ul>
        </>
      )}
      <Pager
        label={t('submission-page.list.pages')}
        offset={offset}
        pageSize={PAGE_SIZE}
        total={total}
        onOffset={(next) => set('offset', String(next))}
      />
    </>
  );
}
