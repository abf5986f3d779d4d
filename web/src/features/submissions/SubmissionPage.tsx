import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { useMe } from '../auth/session-hooks';
import { DeadlineSection } from '../deadlines/DeadlineSection';
import { EndorsementList } from './EndorsementList';
import { useSections, useSubmission } from './submission-hooks';

/** A joint submission, read-only: what it is, its sections with status and assignee, and who signed on. */
export function SubmissionPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const me = useMe().data!;
  const submission = useSubmission(id);
  const sections = useSections(id);

  if (submission.isPending) return <LoadingState />;
  if (submission.error) return <ErrorState error={submission.error} retry={() => void submission.refetch()} />;
  const s = submission.data;
  return (
    <article className="record">
      <PageTitle eyebrow={t('submissions.eyebrow')} isData>
        {s.title}
      </PageTitle>
      <p>
        <span className={`badge stage stage-${s.status}`}>{t(`submissions.status.${s.status}`)}</span>
      </p>
      <section className="panel" aria-labelledby="about">
        <h2 id="about">{t('submissions.about')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('submissions.targetBody')}</dt>
            <dd translate="no">{s.targetBody}</dd>
          </div>
          <div>
            <dt>{t('submissions.kind')}</dt>
            <dd>{t(`submissions.kinds.${s.kind}`)}</dd>
          </div>
          {s.leadOrganization && (
            <div>
              <dt>{t('submissions.lead')}</dt>
              <dd translate="no">{s.leadOrganization.name}</dd>
            </div>
          )}
          <div>
            <dt>{t('submissions.words')}</dt>
            <dd className={s.wordCount.overWordLimit ? 'warning' : undefined}>
              {s.wordCount.wordLimit
                ? t('submissions.wordsOfLimit', {
                    count: s.wordCount.total,
                    words: format.number(s.wordCount.total),
                    limit: format.number(s.wordCount.wordLimit),
                  })
                : format.number(s.wordCount.total)}
            </dd>
          </div>
          {s.callUrl && (
            <div>
              <dt>{t('submissions.call')}</dt>
              <dd>
                <a href={s.callUrl} target="_blank" rel="noreferrer">
                  {t('submissions.openCall')}
                </a>
              </dd>
            </div>
          )}
        </dl>
      </section>
      <section className="panel" aria-labelledby="sections">
        <h2 id="sections">{t('submissions.sections')}</h2>
        {sections.isPending ? (
          <LoadingState />
        ) : sections.error ? (
          <ErrorState error={sections.error} retry={() => void sections.refetch()} />
        ) : sections.data.items.length === 0 ? (
          <EmptyState>{t('submissions.noSections')}</EmptyState>
        ) : (
          <ol className="card-list">
            {sections.data.items.map((section) => (
              <li key={section.id} className="card">
                <div className="card-head">
                  <Link to={`/submissions/${s.id}/sections/${section.id}`} className="card-title" translate="no">
                    {section.title}
                  </Link>
                  <span className={`badge badge-${section.status}`}>
                    {t(`submissions.sectionStatus.${section.status}`)}
                  </span>
                </div>
                <p className="card-meta">
                  {section.assignee ? (
                    <>
                      {t('submissions.assignedTo')} <span translate="no">{section.assignee.name}</span>
                    </>
                  ) : (
                    t('submissions.unassigned')
                  )}
                  {' · '}
                  {t('submissions.wordCount', { count: section.wordCount, words: format.number(section.wordCount) })}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
      <EndorsementList submission={s} />
      <DeadlineSection
        id="submission-deadlines"
        title={t('submissions.deadlines')}
        empty={t('submissions.noDeadlines')}
        filter={{ subjectType: 'submission', subjectId: s.id }}
        readerZone={me.timeZone}
      />
    </article>
  );
}
