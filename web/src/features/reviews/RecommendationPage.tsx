import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { AssessmentForm } from './AssessmentForm';
import { RecommendationEditForm } from './RecommendationEditForm';
import { RecommendationLinks } from './RecommendationLinks';
import { evidenceFileUrl } from './review-edit-hooks';
import { dayIso, useRecommendation, type RecommendationDetail } from './review-hooks';
import { StatusBadge } from './StatusBadge';
import './reviews.css';

const names = (list: { name: string; acronym: string | null }[]) =>
  list.map((o) => (o.acronym ? `${o.name} (${o.acronym})` : o.name)).join(', ');

function History({ recommendation: r }: { recommendation: RecommendationDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section aria-labelledby="history-title" className="panel">
      <h2 id="history-title">
        {t('reviews.history')}
        <span className="count">{r.history.length}</span>
      </h2>
      {r.history.length === 0 ? (
        <EmptyState>{t('reviews.noHistory')}</EmptyState>
      ) : (
        <ol className="card-list history">
          {r.history.map((a) => (
            <li key={a.id} className="card">
              <div className="card-head">
                <StatusBadge status={a.status} />
                <time dateTime={a.assessedOn}>{format.date(dayIso(a.assessedOn), 'UTC')}</time>
              </div>
              <p className="description" translate="no">
                {a.summary}
              </p>
              {a.evidence.length > 0 && (
                <>
                  <h3 className="evidence-title">{t('reviews.evidence')}</h3>
                  <ul className="evidence">
                    {a.evidence.map((e, i) => (
                      <li key={i} translate="no">
                        {e.url ? (
                          <a href={e.url} rel="noopener noreferrer" target="_blank">
                            {e.url}
                          </a>
                        ) : e.fileId ? (
                          <a href={evidenceFileUrl(r.id, e.fileId)} download>
                            {e.fileName ?? <span translate="yes">{t('reviews.file')}</span>}
                          </a>
                        ) : (
                          e.reference
                        )}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              <p className="card-meta">
                {a.organization && <span translate="no">{a.organization.acronym ?? a.organization.name}</span>}
                {a.organization && a.assessor && ' · '}
                {a.assessor && <span translate="no">{a.assessor.name}</span>}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** One recommendation: its text as imported (and in Khmer beside it), owners, current status and history. */
export function RecommendationPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const recommendation = useRecommendation(id);
  const [editing, setEditing] = useState(false);
  if (recommendation.isPending) return <LoadingState />;
  if (recommendation.isError)
    return <ErrorState error={recommendation.error} retry={() => void recommendation.refetch()} />;
  const r = recommendation.data;
  return (
    <article className="record recommendation">
      <p className="breadcrumb">
        <Link to={`/reviews/${r.review.id}`} translate="no">
          {r.review.symbol ?? r.review.name}
        </Link>
      </p>
      {r.cluster && (
        <p className="eyebrow" translate="no">
          {r.cluster}
        </p>
      )}
      <PageTitle>{t('reviews.paragraph', { paragraph: r.paragraph })}</PageTitle>
      {editing ? (
        <section aria-label={t('reviews.fields.text')} className="panel">
          <RecommendationEditForm recommendation={r} done={() => setEditing(false)} />
        </section>
      ) : (
        <section aria-labelledby="recommendation-text" className="panel">
          <h2 id="recommendation-text" className="visually-hidden">
            {t('reviews.fields.text')}
          </h2>
          <div className={r.textKm ? 'texts two' : 'texts'}>
            <blockquote className="description" translate="no">
              {r.text}
            </blockquote>
            {r.textKm && (
              <blockquote className="description" lang="km" translate="no">
                {r.textKm}
              </blockquote>
            )}
          </div>
          <dl className="facts">
            <div>
              <dt>{t('reviews.fields.status')}</dt>
              <dd>
                <StatusBadge status={r.status} />
                {r.assessedOn && (
                  <>
                    {' '}
                    <time dateTime={r.assessedOn}>{format.date(dayIso(r.assessedOn), 'UTC')}</time>
                  </>
                )}
              </dd>
            </div>
            {r.subheading && (
              <div>
                <dt>{t('reviews.fields.subheading')}</dt>
                <dd translate="no">{r.subheading}</dd>
              </div>
            )}
            {r.urgent && (
              <div>
                <dt>{t('reviews.filters.urgency')}</dt>
                <dd>
                  <span className="badge badge-urgent">{t('reviews.urgent')}</span>
                </dd>
              </div>
            )}
            {r.recommendingState && (
              <div>
                <dt>{t('reviews.fields.recommendingState')}</dt>
                <dd>
                  <span translate="no">{r.recommendingState}</span>
                  {r.response && ` · ${t(`reviews.response.${r.response}`)}`}
                </dd>
              </div>
            )}
            <div>
              <dt>{t('reviews.fields.responsible')}</dt>
              <dd translate="no">{names(r.responsibleOrganizations) || '—'}</dd>
            </div>
            <div>
              <dt>{t('reviews.fields.following')}</dt>
              <dd translate="no">{names(r.followingOrganizations) || '—'}</dd>
            </div>
            {r.tags.length > 0 && (
              <div>
                <dt>{t('reviews.fields.tags')}</dt>
                <dd translate="no">{r.tags.join(', ')}</dd>
              </div>
            )}
            <div>
              <dt>{t('reviews.fields.scope')}</dt>
              <dd>{r.inScope ? t('reviews.scope.in') : t('reviews.scope.out')}</dd>
            </div>
            {(r.submissionLinks.length > 0 || r.opportunityIds.length > 0) && (
              <RecommendationLinks recommendation={r} />
            )}
          </dl>
          {r.can.change && (
            <p className="toolbar">
              <button type="button" onClick={() => setEditing(true)}>
                {t('reviews.editRecommendation.open')}
              </button>
            </p>
          )}
        </section>
      )}
      {r.can.assess && <AssessmentForm recommendation={r} />}
      <History recommendation={r} />
    </article>
  );
}
