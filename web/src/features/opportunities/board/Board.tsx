import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import { useState } from 'react';
import { useNarrow } from '../../deadlines/use-narrow';
import { Trans, useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { refusalText } from '../../../api/refusals';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { OpportunityCard } from './OpportunityCard';
import { OverrideDialog } from './OverrideDialog';
import { ReadinessProblem } from '../ReadinessProblem';
import type { components } from '../../../api/schema';
import { FINAL_STAGES, STAGES } from '../../../../../shared/opportunity.workflow';
import { useMoveOpportunity, useOpportunityList, type Opportunity, type Stage } from './board-hooks';

/** Left and right arrows carry a picked-up card to the previous or next stage's column (not 25 pixels). */
const columnByColumn: KeyboardCoordinateGetter = (event, { currentCoordinates, context }) => {
  const step = event.code === 'ArrowRight' ? 1 : event.code === 'ArrowLeft' ? -1 : 0;
  if (step === 0) return undefined;
  event.preventDefault();
  const lefts = [...context.droppableRects.values()].map((rect) => rect.left).sort((a, b) => a - b);
  const here = lefts.findLastIndex((left) => left <= currentCoordinates.x + 1);
  const next = lefts[here + step];
  return next === undefined ? currentCoordinates : { x: next + 8, y: currentCoordinates.y };
};

interface Refusal {
  opportunity: Opportunity;
  to: Stage;
  message: string;
  /** What blocks a submit, when that is why. */
  problems: ReadinessProblemCode[];
  canOverride: boolean;
}

type ReadinessProblemCode = components['schemas']['ReadinessProblemResponse'];

/** The refusal's sentence and, for a blocked submit, each thing that blocks it. */
function RefusalText({ refusal }: { refusal: Refusal }) {
  return (
    <>
      <p>{refusal.message}</p>
      {refusal.problems.length > 0 && (
        <ul>
          {refusal.problems.map((problem, i) => (
            <li key={i}>
              <ReadinessProblem problem={problem} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * One column per stage, a card moved by drag and drop (pointer or keyboard) or by its "Move to" menu; on a
 * phone, a list by stage with counts. Each card offers only the moves the server allows its reader.
 */
export function Board() {
  const { t } = useTranslation();
  const narrow = useNarrow();
  const [dragged, setDragged] = useState<Opportunity | null>(null);
  const list = useOpportunityList({ limit: 100, sort: 'closesAt' });
  const move = useMoveOpportunity();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [overriding, setOverriding] = useState<Refusal | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnByColumn }),
  );
  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} retry={() => void list.refetch()} />;
  const items = list.data.items;
  const byId = new Map(items.map((o) => [o.id, o]));
  const title = (id: string | number) => byId.get(String(id))?.title ?? '';
  const stageName = (id: string | number | undefined) => (id ? t(`opportunities.stage.${id}`) : '');

  const moveTo = (opportunity: Opportunity, to: Stage, reason?: string) => {
    if (opportunity.stage === to && !reason) return;
    setRefusal(null);
    move.mutate(
      { opportunity, to, override: reason !== undefined, reason },
      {
        onError: (error) => {
          const allowed = error instanceof ApiError && Array.isArray(error.params.allowed) ? error.params.allowed : [];
          const message =
            error instanceof ApiError && error.status < 500
              ? [
                  refusalText(error),
                  allowed.length > 0 && error.code === 'workflow_not_allowed'
                    ? t('errors.allowedMoves', { stages: allowed.map((s) => stageName(String(s))).join(', ') })
                    : '',
                ].join(' ')
              : t('board.moveFailed');
          const refused = error instanceof ApiError && error.status === 409;
          const details = error instanceof ApiError ? (error.details as { problems?: unknown } | undefined) : undefined;
          setRefusal({
            opportunity,
            to,
            message,
            problems: Array.isArray(details?.problems) ? (details.problems as ReadinessProblemCode[]) : [],
            canOverride: refused && opportunity.can.override && to === 'submitted',
          });
        },
      },
    );
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragged(null);
    const opportunity = byId.get(String(active.id));
    if (opportunity && over) moveTo(opportunity, over.id as Stage);
  };
  const card = (o: Opportunity) => (
    <OpportunityCard
      key={o.id}
      opportunity={o}
      funderName={o.funder ?? undefined}
      onMove={(to) => moveTo(o, to)}
      draggable={!narrow}
    />
  );
  const movable = items.some((o) => o.can.move.length > 0);
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('board.announce.start', { title: title(active.id) }),
    onDragOver: ({ active, over }) =>
      over
        ? t('board.announce.over', { title: title(active.id), stage: stageName(over.id) })
        : t('board.announce.outside', { title: title(active.id) }),
    onDragEnd: ({ active, over }) =>
      over
        ? t('board.announce.dropped', { title: title(active.id), stage: stageName(over.id) })
        : t('board.announce.cancelled', { title: title(active.id) }),
    onDragCancel: ({ active }) => t('board.announce.cancelled', { title: title(active.id) }),
  };

  return (
    <>
      {movable && !narrow && (
        <p id="board-help" className="hint">
          {t('board.help')}
        </p>
      )}
      {refusal && (
        <div className="state state-error" role="alert">
          <p>
            <Trans
              i18nKey="board.refused"
              values={{ title: refusal.opportunity.title, stage: stageName(refusal.to) }}
              components={{ data: <span translate="no" /> }}
            />
          </p>
          <RefusalText refusal={refusal} />
          {refusal.canOverride && (
            <button type="button" className="button-secondary" onClick={() => setOverriding(refusal)}>
              {t('board.override')}
            </button>
          )}
        </div>
      )}
      {items.length === 0 && <EmptyState>{t('board.empty')}</EmptyState>}
      {narrow ? (
        <StageList items={items} stageName={stageName} render={card} />
      ) : (
        <DndContext
          sensors={sensors}
          onDragStart={({ active }) => setDragged(byId.get(String(active.id)) ?? null)}
          onDragCancel={() => setDragged(null)}
          onDragEnd={onDragEnd}
          accessibility={{
            announcements,
            screenReaderInstructions: { draggable: t('board.instructions') },
          }}
        >
          <div className="board" aria-describedby={movable ? 'board-help' : undefined}>
            {STAGES.map((stage) => (
              <Column
                key={stage}
                stage={stage}
                label={stageName(stage)}
                items={items.filter((o) => o.stage === stage)}
                render={card}
                // While a card is carried, only the stages it may move to take it.
                accepts={!dragged || dragged.can.move.includes(stage)}
              />
            ))}
          </div>
        </DndContext>
      )}
      {overriding && (
        <OverrideDialog
          title={overriding.opportunity.title}
          refusal={<RefusalText refusal={overriding} />}
          onCancel={() => setOverriding(null)}
          onConfirm={(reason) => {
            setOverriding(null);
            moveTo(overriding.opportunity, overriding.to, reason);
          }}
        />
      )}
    </>
  );
}

interface ColumnProps {
  stage: Stage;
  label: string;
  items: Opportunity[];
  render: (o: Opportunity) => React.ReactNode;
  accepts: boolean;
}

function Column({ stage, label, items, render, accepts }: ColumnProps) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: stage, disabled: !accepts });
  return (
    <section
      ref={setNodeRef}
      className={isOver ? 'board-column over' : 'board-column'}
      aria-labelledby={`column-${stage}`}
      data-stage={stage}
    >
      <h2 id={`column-${stage}`}>
        {label} <span className="count">{items.length}</span>
      </h2>
      {items.length === 0 ? <p className="column-empty">{t('board.columnEmpty')}</p> : <ul>{items.map(render)}</ul>}
    </section>
  );
}

interface StageListProps {
  items: Opportunity[];
  stageName: (stage: Stage) => string;
  render: (o: Opportunity) => React.ReactNode;
}

/**
 * The board on a phone: the count of every stage at the top, then the calls of each stage that has any,
 * the stages where work has ended folded.
 */
function StageList({ items, stageName, render }: StageListProps) {
  const { t } = useTranslation();
  const byStage = STAGES.map((stage) => ({ stage, items: items.filter((o) => o.stage === stage) }));
  return (
    <div className="stage-list">
      <ul className="stage-counts" aria-label={t('board.stageCounts')}>
        {byStage.map(({ stage, items: here }) => (
          <li key={stage}>
            {here.length > 0 ? (
              <a href={`#stage-${stage}`}>
                {stageName(stage)} <span className="count">{here.length}</span>
              </a>
            ) : (
              <span className="muted">
                {stageName(stage)} <span className="count">0</span>
              </span>
            )}
          </li>
        ))}
      </ul>
      {byStage
        .filter(({ items: here }) => here.length > 0)
        .map(({ stage, items: here }) =>
          FINAL_STAGES.includes(stage) ? (
            <details key={stage} id={`stage-${stage}`} className="stage-group">
              <summary>
                <h2>
                  {stageName(stage)} <span className="count">{here.length}</span>
                </h2>
              </summary>
              <ul>{here.map(render)}</ul>
            </details>
          ) : (
            <section key={stage} id={`stage-${stage}`} className="stage-group" aria-labelledby={`list-${stage}`}>
              <h2 id={`list-${stage}`}>
                {stageName(stage)} <span className="count">{here.length}</span>
              </h2>
              <ul>{here.map(render)}</ul>
            </section>
          ),
        )}
    </div>
  );
}
