import './editor/editor.css';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { type Me, useMe } from '../auth/session-hooks';
import { usePresence } from './editor/editor-hooks';
import { RevisionsPanel } from './editor/RevisionsPanel';
import { SectionEditor } from './editor/SectionEditor';
import { MarkdownText } from './MarkdownText';
import { SectionComments } from './SectionComments';
import { type Submission, useSection, useSubmission } from './submission-hooks';

const FROZEN = ['submitted', 'published'];

/** Coordinators and the staff of the lead and partner organisations write; viewers and others read. */
function mayWrite(me: Me, submission: Submission): boolean {
  if (me.role === 'viewer') return false;
  if (me.role === 'coordinator' || me.role === 'admin') return true;
  return (
    !!me.organizationId &&
    (submission.leadOrganizationId === me.organizationId ||
      submission.partnerOrganizationIds.includes(me.organizationId))
  );
}

/** One section: the editor (or its text once frozen), who else has it open, comments and revisions. */
export function SectionPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '', sectionId = '' } = useParams();
  const me = useMe().data!;
  const submission = useSubmission(id);
  const section = useSection(id, sectionId);
  const frozen = !!submission.data && (FROZEN.includes(submission.data.status) || !!submission.data.archivedAt);
  const canWrite = !!submission.data && mayWrite(me, submission.data);
  const editing = !frozen && !!section.data?.canEditText;
  const presence = usePresence(id, sectionId, editing);

  if (section.isPending || submission.isPending) return <LoadingState />;
  if (section.error) return <ErrorState error={section.error} retry={() => void section.refetch()} />;
  if (submission.error) return <ErrorState error={submission.error} retry={() => void submission.refetch()} />;
  const s = section.data;
  const others = presence.data?.items ?? [];
  return (
    <article className="record section-page">
      <nav aria-label={t('submissions.breadcrumb')} className="breadcrumb">
        <Link to={`/submissions/${id}`} translate="no">
          {submission.data.title}
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
        {t('submissions.version', { version: format.number(s.version) })}
        {s.updatedBy && (
          <>
            {' · '}
            {t('submissions.lastSavedBy')} <span translate="no">{s.updatedBy.name}</span> {format.relative(s.updatedAt)}
          </>
        )}
      </p>
      <p role="status" className={others.length ? 'presence' : 'visually-hidden'}>
        {others.length > 0 && (
          <>
            {t('editor.beingEdited', { count: others.length })}{' '}
            <span translate="no">{others.map((p) => p.user.name).join(', ')}</span>
          </>
        )}
      </p>
      <div className="section-layout">
        <div>
          {frozen ? (
            <p className="notice" role="note">
              {t('editor.frozen', { status: t(`submissions.status.${submission.data.status}`) })}
            </p>
          ) : (
            !editing &&
            canWrite && (
              <p className="notice" role="note">
                {t('editor.notYours')}
              </p>
            )
          )}
          {editing ? (
            <SectionEditor
              key={s.id}
              submissionId={id}
              section={s}
              userId={me.id}
              wordLimit={submission.data.wordCount.wordLimit}
              savedTotal={submission.data.wordCount.total}
            />
          ) : (
            <section className="panel" aria-label={t('submissions.text')}>
              {s.body.trim() ? <MarkdownText source={s.body} /> : <EmptyState>{t('submissions.noText')}</EmptyState>}
              <p className="word-count">
                {t('submissions.wordCount', { count: s.wordCount, words: format.number(s.wordCount) })}
              </p>
            </section>
          )}
          <RevisionsPanel submissionId={id} sectionId={s.id} />
        </div>
        <SectionComments submissionId={id} sectionId={s.id} canWrite={!!submission.data?.can.comment} />
      </div>
    </article>
  );
}
