import {
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/states';
import { OpportunityCard } from './OpportunityCard';
import { type PipelineItem, type Stage, STAGES } from './pipeline-hooks';

/** Columns by stage; a card dragged (pointer, touch or keyboard: space, arrows, space) onto a column asks to move there. */
export function PipelineBoard({
  items,
  canMove,
  onMove,
}: {
  items: PipelineItem[];
  canMove: boolean;
  onMove: (item: PipelineItem, to: Stage) => void;
}) {
  const { t } = useTranslation();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor),
  );
  const title = (id: unknown) => items.find((i) => i.id === id)?.title ?? '';
  const stageName = (id: unknown) => (id ? t(`opportunities.stage.${String(id)}`) : '');
  const onDragEnd = (event: DragEndEvent) => {
    const item = items.find((i) => i.id === event.active.id);
    const to = event.over?.id as Stage | undefined;
    if (item && to && to !== item.stage) onMove(item, to);
  };
  return (
    <DndContext
      sensors={sensors}
      onDragEnd={onDragEnd}
      accessibility={{
        screenReaderInstructions: { draggable: t('board.dragInstructions') },
        announcements: {
          onDragStart: ({ active }) => t('board.picked', { title: title(active.id) }),
          onDragOver: ({ active, over }) =>
            over ? t('board.over', { title: title(active.id), stage: stageName(over.id) }) : '',
          onDragEnd: ({ active, over }) =>
            over ? t('board.dropped', { title: title(active.id), stage: stageName(over.id) }) : '',
          onDragCancel: ({ active }) => t('board.cancelled', { title: title(active.id) }),
        },
      }}
    >
      <div className="board" role="region" aria-label={t('board.label')} tabIndex={0}>
        {STAGES.map((stage) => (
          <StageColumn
            key={stage}
            stage={stage}
            items={items.filter((i) => i.stage === stage)}
            canMove={canMove}
            onMove={onMove}
          />
        ))}
      </div>
    </DndContext>
  );
}

function StageColumn({
  stage,
  items,
  canMove,
  onMove,
}: {
  stage: Stage;
  items: PipelineItem[];
  canMove: boolean;
  onMove: (item: PipelineItem, to: Stage) => void;
}) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: stage });
  const headingId = `stage-${stage}`;
  return (
    <section
      ref={setNodeRef}
      className={isOver ? 'board-column over' : 'board-column'}
      aria-labelledby={headingId}
      data-stage={stage}
    >
      <h2 id={headingId} className="board-column-title">
        {t(`opportunities.stage.${stage}`)} <span className="count">{items.length}</span>
      </h2>
      {items.length ? (
        <ul className="board-cards">
          {items.map((item) => (
            <OpportunityCard key={item.id} item={item} canMove={canMove} onMove={onMove} />
          ))}
        </ul>
      ) : (
        <EmptyState>{t('board.emptyColumn')}</EmptyState>
      )}
    </section>
  );
}
