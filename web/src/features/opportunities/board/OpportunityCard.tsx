import { useDraggable } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../i18n/format';
import type { Opportunity, Stage } from './board-hooks';

interface Props {
  opportunity: Opportunity;
  funderName: string | undefined;
  onMove: (to: Stage) => void;
  /** Cards in the phone's list by stage are not dragged. */
  draggable?: boolean;
}

/**
 * A call on the board: its title and one line of facts; moved by its handle or its "Move to" menu, which
 * offer only the stages the server allows this reader now (`can.move`), and nothing to a reader who may
 * not move it.
 */
export function OpportunityCard({ opportunity, funderName, onMove, draggable = true }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const moves = opportunity.can.move;
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: opportunity.id,
    data: { opportunity },
    disabled: !draggable || moves.length === 0,
  });
  const style = transform ? { transform: `translate(${transform.x}px, ${transform.y}px)` } : undefined;
  const handle = draggable && moves.length > 0;
  const className = ['board-card', handle ? 'with-handle' : '', isDragging ? 'dragging' : ''].join(' ').trim();
  return (
    <li ref={setNodeRef} style={style} className={className}>
      {handle && (
        <button
          type="button"
          className="drag-handle"
          {...listeners}
          {...attributes}
          aria-label={t('board.dragHandle', { title: opportunity.title })}
        >
          <span aria-hidden="true">⠿</span>
        </button>
      )}
      <h3>
        <Link to={`/opportunities/${opportunity.id}`} translate="no">
          {opportunity.title}
        </Link>
      </h3>
      <p className="card-meta">
        <span className="visually-hidden">{t('board.funder')}: </span>
        <span translate={funderName ? 'no' : undefined}>{funderName ?? t('board.noFunder')}</span>
        {opportunity.leadOrganization && (
          <>
            {' · '}
            <span className="visually-hidden">{t('board.leadShort')}: </span>
            <span translate="no">{opportunity.leadOrganization}</span>
          </>
        )}
        {' · '}
        {t('board.partnerCount', {
          count: opportunity.partnerCount,
          formatted: format.number(opportunity.partnerCount),
        })}
        {opportunity.closesAt && (
          <>
            {' · '}
            {t('board.closesOn', { date: format.date(opportunity.closesAt) })}
          </>
        )}
      </p>
      {moves.length > 0 && (
        <label className="move-to">
          <span>{t('board.moveTo')}</span>
          <select
            value=""
            onChange={(event) => event.target.value && onMove(event.target.value as Stage)}
            aria-label={t('board.moveCard', { title: opportunity.title })}
          >
            <option value="">{t('board.chooseStage')}</option>
            {moves.map((stage) => (
              <option key={stage} value={stage}>
                {t(`opportunities.stage.${stage}`)}
              </option>
            ))}
          </select>
        </label>
      )}
    </li>
  );
}
