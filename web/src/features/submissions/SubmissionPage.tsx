import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { ErrorState, LoadingState } from '../../components/states';
import { useMe } from '../auth/session-hooks';
import { DeadlineSection } from '../deadlines/DeadlineSection';
import { AcknowledgementPanel, FrozenNotice } from './page/AcknowledgementPanel';
import { DocumentPanel } from './page/DocumentPanel';
import { EndorsementPanel } from './page/EndorsementPanel';
import { isFrozen } from '../../../../shared/submission.workflow';
import { useSubmission } from './submission-hooks';
import { SectionOutline } from './page/SectionOutline';
import { SubmissionActivity } from './page/SubmissionActivity';
import { SubmissionDetails } from './page/SubmissionDetails';
import { WorkflowPanel } from './page/WorkflowPanel';
import './page/submission-page.css';
import { useNarrow } from '../deadlines/use-narrow';

/**
 * A joint submission: its workflow, details, sections outline, sign-on, the assembled document and
 * snapshots, deadlines and activity. Coordinators and the lead organisation's staff run it.
 */
export function SubmissionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe().data!;
  const submission = useSubmission(id);
  const narrow = useNarrow();

  if (submission.isPending) return <LoadingState />;
  if (submission.error) return <ErrorState error={submission.error} retry={() => void submission.refetch()} />;
  const s = submission.data;
  const isCoordinator = me.role === 'coordinator' || me.role === 'admin';
  // What the server says this reader may do (src/submissions/submission-actions.ts).
  const canRun = s.can.edit;
  const frozen = isFrozen(s.status);
  // What is due: on a phone, where a reminder's link lands, it comes right after the progress.
  const deadlines = (
    <DeadlineSection
      id="submission-deadlines"
      title={t('submissions.deadlines')}
      empty={t('submissions.noDeadlines')}
      filter={{ subjectType: 'submission', subjectId: s.id }}
      readerZone={me.timeZone}
      addLabel={canRun ? t('submission-page.addDeadline') : undefined}
    />
  );
  return (
    <article className="record submission-page">
      <p className="breadcrumb">
        <Link to="/submissions">{t('submission-page.list.title')}</Link>
      </p>
      <PageTitle eyebrow={t('submissions.eyebrow')} isData>
        {s.title}
      </PageTitle>
      <p>
        <span className={`badge stage stage-${s.status}`}>{t(`submissions.status.${s.status}`)}</span>
      </p>
      {frozen && <FrozenNotice submission={s} />}
      <WorkflowPanel submission={s} />
      {narrow && deadlines}
      {frozen && <AcknowledgementPanel submission={s} canRun={canRun} />}
      <SubmissionDetails submission={s} canRun={canRun} />
      <SectionOutline submission={s} me={me} canRun={canRun} frozen={frozen} />
      <EndorsementPanel submission={s} me={me} isCoordinator={isCoordinator} />
      <DocumentPanel submission={s} canSnapshot={me.role !== 'viewer' && !frozen} />
      {!narrow && deadlines}
      <SubmissionActivity submissionId={s.id} />
    </article>
  );
}
