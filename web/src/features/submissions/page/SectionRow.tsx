import { useDraggable, useDroppable } from '@dnd-kit/core';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { PhoneFold } from '../../../components/PhoneFold';
import { useNarrow } from '../../deadlines/use-narrow';
import { Link } from 'react-router';
import { useFormat } from '../../../i18n/format';
import { SECTION_STATUSES } from '../../../../../shared/submission.workflow';
import { useDeleteSection, type SectionChange } from './page-hooks';
import { FormError } from '../../../components/states';
import type { MentionCandidate, Section, SectionStatus } from '../submission-hooks';

interface Props {
  submissionId: string;
  section: Section;
  index: number;
  count: number;
  people: MentionCandidate[];
  canRun: boolean;
  canEditStatus: boolean;
  frozen: boolean;
  busy: boolean;
  onMove: (to: number) => void;
  onChange: (change: SectionChange) => void;
}

/** One section in the outline: a drag handle, move buttons, its status and assignee, and delete. */
export function SectionRow(props: Props) {
  const { submissionId, section, index, count, people, canRun, canEditStatus, frozen, busy, onMove, onChange } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const remove = useDeleteSection(submissionId);
  const [confirming, setConfirming] = useState(false);
  const canReorder = canRun && !frozen;
  // On a phone the controls fold under "Change", so the row itself says the status and the assignee.
  const narrow = useNarrow();
  const hasTools = (!frozen && (canEditStatus || canRun)) || canReorder;
  const drag = useDraggable({ id: section.id, disabled: !canReorder });
  const drop = useDroppable({ id: section.id, disabled: !canReorder });
  const style = drag.transform ? { transform: `translate3d(0, ${drag.transform.y}px, 0)` } : undefined;
  const rowId = `section-${section.id}`;
  // The assignee may be someone outside the first 20 people the server suggests.
  const choices =
    section.assignee && !people.some((p) => p.id === section.assignee!.id)
      ? [{ id: section.assignee.id, name: section.assignee.name, organization: null }, ...people]
      : people;
  const className = ['outline-row', drag.isDragging && 'dragging', drop.isOver && !drag.isDragging && 'over']
    .filter(Boolean)
    .join(' ');

  return (
    <li ref={drop.setNodeRef} className={className} id={rowId}>
      <div ref={drag.setNodeRef} style={style} className="outline-card">
        {canReorder && (
          <button
            type="button"
            className="drag-handle outline-handle"
            aria-label={t('submission-page.sections.drag', { title: section.title })}
            {...drag.listeners}
            {...drag.attributes}
          >
            <span aria-hidden="true">⠿</span>
          </button>
        )}
        <div className="outline-body">
          <div className="card-head">
            <span className="outline-title">
              <span className="outline-number">{format.number(index + 1)}.</span>{' '}
              <Link to={`/submissions/${submissionId}/sections/${section.id}`} className="card-title" translate="no">
                {section.title}
              </Link>
            </span>
            {!canEditStatus || frozen || narrow ? (
              <span className={`badge badge-${section.status}`}>
                {t(`submissions.sectionStatus.${section.status}`)}
              </span>
            ) : null}
          </div>
          <p className="card-meta">
            {t('submissions.wordCount', { count: section.wordCount, words: format.number(section.wordCount) })}
            {!canRun || frozen || narrow ? (
              <>
                {' · '}
                {section.assignee ? (
                  <>
                    {t('submissions.assignedTo')} <span translate="no">{section.assignee.name}</span>
                  </>
                ) : (
                  t('submissions.unassigned')
                )}
              </>
            ) : null}
          </p>
          {hasTools && (
            <PhoneFold summary={t('common.change')} label={section.title}>
              <div className="outline-tools">
                {!frozen && (canEditStatus || canRun) && (
                  <div className="outline-controls">
                    {canEditStatus && (
                      <label>
                        {t('submission-page.sections.status')}
                        <select
                          value={section.status}
                          onChange={(e) => onChange({ section, status: e.target.value as SectionStatus })}
                          aria-label={t('submission-page.sections.statusOf', { title: section.title })}
                        >
                          {SECTION_STATUSES.map((status) => (
                            <option key={status} value={status}>
                              {t(`submissions.sectionStatus.${status}`)}
                            </option>
                          ))}
                        </select>
                      </label>
                    )}
                    {canRun && (
                      <label>
                        {t('submission-page.sections.assignee')}
                        <select
                          value={section.assignee?.id ?? ''}
                          onChange={(e) => onChange({ section, assigneeId: e.target.value || null })}
                          aria-label={t('submission-page.sections.assigneeOf', { title: section.title })}
                        >
                          <option value="">{t('submissions.unassigned')}</option>
                          {choices.map((p) => (
                            <option key={p.id} value={p.id} translate="no">
                              {p.organization ? `${p.name} (${p.organization.acronym ?? p.organization.name})` : p.name}
                            </option>
                          ))}
                        </select>
                      </label>
                    )}
                  </div>
                )}
                {canReorder && (
                  <div className="outline-actions">
                    <button
                      type="button"
                      className="button-secondary"
                      disabled={index === 0 || busy}
                      onClick={() => onMove(index - 1)}
                    >
                      <span aria-hidden="true">↑</span> {t('submission-page.sections.moveUp')}
                      <span className="visually-hidden" translate="no">
                        {' '}
                        “{section.title}”
                      </span>
                    </button>
                    <button
                      type="button"
                      className="button-secondary"
                      disabled={index === count - 1 || busy}
                      onClick={() => onMove(index + 1)}
                    >
                      <span aria-hidden="true">↓</span> {t('submission-page.sections.moveDown')}
                      <span className="visually-hidden" translate="no">
                        {' '}
                        “{section.title}”
                      </span>
                    </button>
                    <button
                      type="button"
                      className="button-link"
                      onClick={() => setConfirming(true)}
                      aria-label={t('submission-page.sections.deleteLabel', { title: section.title })}
                    >
                      {t('submission-page.sections.delete')}
                    </button>
                    {confirming && (
                      <ConfirmDialog
                        title={t('submission-page.sections.deleteConfirmTitle')}
                        confirmLabel={t('submission-page.sections.deleteYes')}
                        pending={remove.isPending}
                        onCancel={() => setConfirming(false)}
                        onConfirm={() => remove.mutate(section.id, { onSettled: () => setConfirming(false) })}
                      >
                        <p>
                          <Trans
                            i18nKey="submission-page.sections.confirmDelete"
                            values={{ title: section.title }}
                            components={{ data: <span translate="no" /> }}
                          />
                        </p>
                      </ConfirmDialog>
                    )}
                  </div>
                )}
              </div>
            </PhoneFold>
          )}
          <FormError error={remove.error} />
        </div>
      </div>
    </li>
  );
}
