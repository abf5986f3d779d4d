import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { MarkdownText } from './MarkdownText';
import { SectionComments } from './SectionComments';
import { useSection, useSubmission } from './submission-hooks';

/** One section, read-only (the editor comes with co-drafting): its text rendered, status, assignee, last change. */
export function SectionPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '', sectionId = '' } = useParams();
  const submission = useSubmission(id);
  const section = useSection(id, sectionId);

  if (section.isPending) return <LoadingState />;
  if (section.error) return <ErrorState error={section.error} retry={() => void section.refetch()} />;
  const s = section.data;
  return (
    <article className="record">
      <nav aria-label={t('submissions.breadcrumb')} className="breadcrumb">
        <Link to={`/submissions/${id}`} translate="no">
          {submission.data?.title ?? t('submissions.eyebrow')}
        </Link>
      </nav>
      <PageTitle eyebrow={t('submissions.sectionEyebrow')} isData>
        {s.title}
      </PageTitle>
      <p className="card-meta">
        <span className={`badge badge-${s.status}`}>{t(`submissions.sectionStatus.${s.status}`)}</span>{' '}
        {s.assignee ? (
          <>
            {t('submissions.assignedTo')} <span translate="no">{s.assignee.name}</span>
          </>
        ) : (
          t('submissions.unassigned')
        )}
        {' · '}
        {t('submissions.wordCount', { count: s.wordCount, words: format.number(s.wordCount) })}
        {' · '}
        {t('submissions.version', { version: format.number(s.version) })}
        {s.updatedBy && (
          <>
            {' · '}
            {t('submissions.lastSavedBy')} <span translate="no">{s.updatedBy.name}</span> {format.relative(s.updatedAt)}
          </>
        )}
      </p>
      <section className="panel" aria-label={t('submissions.text')}>
        {s.body.trim() ? <MarkdownText source={s.body} /> : <EmptyState>{t('submissions.noText')}</EmptyState>}
      </section>
      <SectionComments submissionId={id} sectionId={s.id} />
    </article>
  );
}
