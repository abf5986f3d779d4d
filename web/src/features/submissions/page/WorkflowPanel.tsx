import { useState } from 'react';
import type { TFunction } from 'i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { refusalText } from '../../../api/refusals';
import { OverrideDialog } from '../../opportunities/board/OverrideDialog';
import { SUBMISSION_STEPS, type TransitionProblem as Problem } from '../../../../../shared/submission.workflow';
import { useTransition } from './page-hooks';
import '../../opportunities/board/board.css';
import type { Submission, SubmissionStatus } from '../submission-hooks';

interface Refusal {
  to: SubmissionStatus;
  /** The refusal in the reader's language, shown when nothing better is known. */
  message: string;
  /** Unmet conditions a coordinator may override: coded when the server codes them, else in English. */
  problems: Problem[];
  blockers: string[];
  /** The moves the workflow allows from here, when the move itself is not one of them. */
  next?: SubmissionStatus[];
}

/** The server's refusal of a move: its coded conditions (`details.problems`), its `blockers`, or its message. */
function refusalOf(error: unknown, to: SubmissionStatus, fallback: string): Refusal {
  if (!(error instanceof ApiError) || error.status >= 500) return { to, message: fallback, problems: [], blockers: [] };
  const details = (error.details ?? {}) as { code?: string; blockers?: unknown; problems?: unknown; next?: unknown };
  const blockers = Array.isArray(details.blockers) ? details.blockers.map(String) : [];
  const problems = Array.isArray(details.problems) ? (details.problems as Problem[]) : [];
  const next =
    details.code === 'submission.moveNotAllowed' && Array.isArray(details.next)
      ? (details.next as SubmissionStatus[])
      : undefined;
  return { to, message: refusalText(error), problems, blockers, next };
}

interface Props {
  submission: Submission;
}

/** The moves the workflow allows from here; a refused move shows why, and a coordinator may override it. */
export function WorkflowPanel({ submission: s }: Props) {
  const { t } = useTranslation();
  const transition = useTransition(s.id);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [overriding, setOverriding] = useState<Refusal | null>(null);
  const [confirming, setConfirming] = useState<SubmissionStatus | null>(null);
  const [moved, setMoved] = useState<SubmissionStatus | null>(null);
  // The moves the server allows this reader now, and whether they may override a move's conditions.
  const next = s.can.move;
  const canRun = s.can.edit;
  const isCoordinator = s.can.override;
  const statusName = (status: SubmissionStatus) => t(`submissions.status.${status}`);

  const move = (to: SubmissionStatus, reason?: string) => {
    setRefusal(null);
    setMoved(null);
    setConfirming(null);
    transition.mutate(
      { to, ...(reason ? { reason, override: true } : {}) },
      {
        onSuccess: () => setMoved(to),
        onError: (error) => setRefusal(refusalOf(error, to, t('submission-page.workflow.failed'))),
      },
    );
  };

  return (
    <section className="panel" aria-labelledby="workflow">
      <h2 id="workflow">{t('submission-page.workflow.title')}</h2>
      <ol className="workflow-steps" aria-label={t('submission-page.workflow.steps')}>
        {SUBMISSION_STEPS.map((status) => (
          <li key={status} aria-current={status === s.status ? 'step' : undefined}>
            {statusName(status)}
          </li>
        ))}
      </ol>
      {s.status === 'withdrawn' && <p className="warning">{t('submission-page.workflow.withdrawn')}</p>}
      <p role="status" className={moved ? 'success' : 'visually-hidden'}>
        {moved ? t('submission-page.workflow.moved', { status: statusName(moved) }) : ''}
      </p>
      {refusal && (
        <div className="state state-error" role="alert">
          <p>{t('submission-page.workflow.refused', { status: statusName(refusal.to) })}</p>
          <RefusalReasons refusal={refusal} />
          {refusal.blockers.length > 0 &&
            (isCoordinator ? (
              <button type="button" className="button-secondary" onClick={() => setOverriding(refusal)}>
                {t('submission-page.workflow.override')}
              </button>
            ) : (
              <p>{t('submission-page.workflow.askCoordinator')}</p>
            ))}
        </div>
      )}
      {!canRun ? (
        <p className="hint">{t('submission-page.workflow.leadOnly')}</p>
      ) : next.length === 0 ? (
        <p className="hint">{t('submission-page.workflow.final')}</p>
      ) : (
        <div className="toolbar" role="group" aria-label={t('submission-page.workflow.moves')}>
          {next.map((to) => (
            <button
              key={to}
              type="button"
              className={to === 'withdrawn' || isBackward(s.status, to) ? 'button-secondary' : undefined}
              disabled={transition.isPending}
              onClick={() => (to === 'submitted' || to === 'withdrawn' ? setConfirming(to) : move(to))}
            >
              {t(`submission-page.workflow.to.${to}`)}
            </button>
          ))}
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          title={t(
            confirming === 'withdrawn'
              ? 'submission-page.workflow.confirmWithdrawTitle'
              : 'submission-page.workflow.confirmSubmitTitle',
          )}
          confirmLabel={t(
            confirming === 'withdrawn'
              ? 'submission-page.workflow.confirmWithdrawYes'
              : 'submission-page.workflow.confirmSubmitYes',
          )}
          pending={transition.isPending}
          onCancel={() => setConfirming(null)}
          onConfirm={() => move(confirming)}
        >
          <p>
            {t(
              confirming === 'withdrawn'
                ? 'submission-page.workflow.confirmWithdraw'
                : 'submission-page.workflow.confirmSubmit',
            )}
          </p>
        </ConfirmDialog>
      )}
      {overriding && (
        <OverrideDialog
          title={s.title}
          heading={t('submission-page.workflow.overrideTitle', { status: statusName(overriding.to) })}
          reasonLabel={t('submission-page.workflow.overrideReason')}
          refusal={
            overriding.problems.length
              ? overriding.problems.map((p) => problemText(t, p)).join(' ')
              : overriding.blockers.join('; ') || overriding.message
          }
          onCancel={() => setOverriding(null)}
          onConfirm={(reason) => {
            setOverriding(null);
            move(overriding.to, reason);
          }}
        />
      )}
    </section>
  );
}

const isBackward = (from: SubmissionStatus, to: SubmissionStatus) =>
  SUBMISSION_STEPS.indexOf(to) < SUBMISSION_STEPS.indexOf(from);

const quoted = (items: string[]) => items.map((item) => `“${item}”`).join(', ');

/** A coded condition as one sentence in the reader's language. */
function problemText(t: TFunction, p: Problem): string {
  if (p.code === 'submission.sectionsNotReady')
    return `${t('submission-page.problems.sectionsNotReady')} ${quoted(p.sections)}`;
  if (p.code === 'submission.signersMissing')
    return `${t('submission-page.problems.signersMissing')} ${quoted(p.organizations)}`;
  return t('submission-page.problems.noSections');
}

/** Why a move was refused, in the reader's language where the server gave codes, else in its English. */
function RefusalReasons({ refusal }: { refusal: Refusal }) {
  const { t } = useTranslation();
  if (refusal.problems.length > 0) {
    return (
      <ul>
        {refusal.problems.map((p) => (
          <li key={p.code}>
            {p.code === 'submission.sectionsNotReady' ? (
              <>
                {t('submission-page.problems.sectionsNotReady')} <span translate="no">{quoted(p.sections)}</span>
              </>
            ) : p.code === 'submission.signersMissing' ? (
              <>
                {t('submission-page.problems.signersMissing')} <span translate="no">{quoted(p.organizations)}</span>
              </>
            ) : (
              t('submission-page.problems.noSections')
            )}
          </li>
        ))}
      </ul>
    );
  }
  if (refusal.next) {
    return (
      <p>
        {refusal.next.length
          ? t('submission-page.problems.canGoTo', {
              statuses: refusal.next.map((s) => t(`submissions.status.${s}`)).join(', '),
            })
          : t('submission-page.workflow.final')}
      </p>
    );
  }
  if (refusal.blockers.length > 0) {
    return (
      <ul lang="en">
        {refusal.blockers.map((b) => (
          <li key={b}>{b}</li>
        ))}
      </ul>
    );
  }
  return <p>{refusal.message}</p>;
}
