import { useDraggable } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../i18n/format';
import { STAGES, type Opportunity, type Stage } from './board-hooks';

interface Props {
  opportunity: Opportunity;
  funderName: string | undefined;
  onMove: (to: Stage) => void;
}

/** A call on the board: dragged by its handle, or moved with the "Move to" menu (phones, keyboard). */
export function OpportunityCard({ opportunity, funderName, onMove }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: opportunity.id,
    data: { opportunity },
  });
  const style = transform ? { transform: `translate(${transform.x}px, ${transform.y}px)` } : undefined;
  return (
    <li ref={setNodeRef} style={style} className={isDragging ? 'board-card dragging' : 'board-card'}>
      <button
        type="button"
        className="drag-handle"
        {...listeners}
        {...attributes}
        aria-label={t('board.dragHandle', { title: opportunity.title })}
      >
        <span aria-hidden="true">⠿</span>
      </button>
      <h3>
        <Link to={`/opportunities/${opportunity.id}`} translate="no">
          {opportunity.title}
        </Link>
      </h3>
      <dl>
        <dt>{t('board.funder')}</dt>
        <dd translate={funderName ? 'no' : undefined}>{funderName ?? t('board.none')}</dd>
        <dt>{t('board.leadShort')}</dt>
        <dd translate={opportunity.leadOrganization ? 'no' : undefined}>
          {opportunity.leadOrganization ?? t('board.none')}
        </dd>
        <dt>{t('board.partners')}</dt>
        <dd>{format.number(opportunity.partnerCount)}</dd>
        <dt>{t('board.closes')}</dt>
        <dd>{opportunity.closesAt ? format.date(opportunity.closesAt) : t('board.none')}</dd>
      </dl>
      <label className="move-to">
        <span>{t('board.moveTo')}</span>
        <select
          value=""
          onChange={(event) => event.target.value && onMove(event.target.value as Stage)}
          aria-label={t('board.moveCard', { title: opportunity.title })}
        >
          <option value="">{t('board.chooseStage')}</option>
          {STAGES.filter((stage) => stage !== opportunity.stage).map((stage) => (
            <option key={stage} value={stage}>
              {t(`opportunities.stage.${stage}`)}
            </option>
          ))}
        </select>
      </label>
    </li>
  );
}
