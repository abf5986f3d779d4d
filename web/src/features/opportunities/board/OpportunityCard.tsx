import { useDraggable } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../i18n/format';
import { type PipelineItem, type Stage, STAGES } from './pipeline-hooks';

/** A call on the board: drag it to another column, or pick the stage from its menu (phones, keyboards). */
export function OpportunityCard({
  item,
  canMove,
  onMove,
}: {
  item: PipelineItem;
  canMove: boolean;
  onMove: (item: PipelineItem, to: Stage) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: item.id,
    data: { item },
    disabled: !canMove,
  });
  const style = transform ? { transform: `translate(${transform.x}px, ${transform.y}px)` } : undefined;
  return (
    <li
      ref={setNodeRef}
      style={style}
      className={isDragging ? 'board-card dragging' : 'board-card'}
      data-testid={`card-${item.id}`}
    >
      <div className="board-card-head">
        <Link to={`/opportunities/${item.id}`} className="card-title" translate="no">
          {item.title}
        </Link>
        {canMove && (
          <button
            type="button"
            className="drag-handle"
            aria-label={t('board.dragHandle', { title: item.title })}
            {...attributes}
            {...listeners}
          >
            <span aria-hidden="true">⠿</span>
          </button>
        )}
      </div>
      <p className="card-meta">
        {item.closesAt ? t('board.closes', { date: format.date(item.closesAt) }) : t('board.noClosingDate')}
        {item.amountMax && item.currency ? (
          <span translate="no"> · {format.money(item.amountMax, item.currency)}</span>
        ) : null}
      </p>
      {canMove && (
        <label className="move-to">
          <select
            aria-label={t('board.moveTitle', { title: item.title })}
            value=""
            onChange={(event) => {
              if (event.target.value) onMove(item, event.target.value as Stage);
            }}
          >
            <option value="">{t('board.moveTo')}</option>
            {STAGES.filter((s) => s !== item.stage).map((s) => (
              <option key={s} value={s}>
                {t(`opportunities.stage.${s}`)}
              </option>
            ))}
          </select>
        </label>
      )}
    </li>
  );
}
