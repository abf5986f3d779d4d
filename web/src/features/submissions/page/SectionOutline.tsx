import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { EmptyState, ErrorState, FormError, LoadingState } from '../../../components/states';
import type { Me } from '../../auth/session-hooks';
import { AddSectionForm } from './AddSectionForm';
import { SectionRow } from './SectionRow';
import { usePeople, useReorderSections, useUpdateSection, type SectionChange } from './page-hooks';
import { ShowMoreButton, useFirstFew } from '../../../components/ShowMore';
import { PhoneFold } from '../../../components/PhoneFold';
import { useNarrow } from '../../deadlines/use-narrow';
import { type Submission, useSections } from '../submission-hooks';

/** Up and down arrows carry a picked-up section to the row above or below (not 25 pixels). */
const rowByRow: KeyboardCoordinateGetter = (event, { currentCoordinates, context }) => {
  const step = event.code === 'ArrowDown' ? 1 : event.code === 'ArrowUp' ? -1 : 0;
  if (step === 0) return undefined;
  event.preventDefault();
  const tops = [...context.droppableRects.values()].map((rect) => rect.top).sort((a, b) => a - b);
  const here = tops.findLastIndex((top) => top <= currentCoordinates.y + 1);
  const next = tops[here + step];
  return next === undefined ? currentCoordinates : { x: currentCoordinates.x, y: next + 4 };
};

/** `ids` with the one at `from` moved to `to`. */
function moved(ids: string[], from: number, to: number): string[] {
  const copy = [...ids];
  const [id] = copy.splice(from, 1);
  copy.splice(to, 0, id);
  return copy;
}

interface Props {
  submission: Submission;
  me: Me;
  canRun: boolean;
  frozen: boolean;
}

/** The sections in order, with status and assignee; the lead reorders them by drag, keyboard or buttons. */
export function SectionOutline({ submission, me, canRun, frozen }: Props) {
  const { t } = useTranslation();
  const sections = useSections(submission.id);
  const people = usePeople(submission.id);
  const reorder = useReorderSections(submission.id);
  const update = useUpdateSection(submission.id);
  const [notice, setNotice] = useState<string | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: rowByRow }),
  );
  const canReorder = canRun && !frozen;
  const narrow = useNarrow();
  const few = useFirstFew(sections.data?.items ?? [], narrow ? 3 : undefined);

  if (sections.isPending) return <Panel>{<LoadingState />}</Panel>;
  if (sections.isError)
    return <Panel>{<ErrorState error={sections.error} retry={() => void sections.refetch()} />}</Panel>;
  const items = sections.data.items;
  const ids = items.map((s) => s.id);
  const titleOf = (id: string | number) => items.find((s) => s.id === id)?.title ?? '';
  const positionOf = (id: string | number | undefined) => (id === undefined ? 0 : ids.indexOf(String(id)) + 1);

  const move = (from: number, to: number) => {
    if (to < 0 || to >= ids.length || from === to) return;
    setNotice(null);
    reorder.mutate(moved(ids, from, to));
  };
  const change = (c: SectionChange) => {
    setNotice(null);
    update.mutate(c, {
      onError: (error) => {
        if (error instanceof ApiError && error.status === 409)
          setNotice(t('submission-page.sections.stale', { title: c.section.title }));
      },
    });
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over) move(ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('submission-page.sections.announce.start', { title: titleOf(active.id) }),
    onDragOver: ({ active, over }) =>
      over
        ? t('submission-page.sections.announce.over', {
            title: titleOf(active.id),
            position: positionOf(over.id),
            count: ids.length,
          })
        : t('submission-page.sections.announce.outside', { title: titleOf(active.id) }),
    onDragEnd: ({ active, over }) =>
      over
        ? t('submission-page.sections.announce.dropped', {
            title: titleOf(active.id),
            position: positionOf(over.id),
            count: ids.length,
          })
        : t('submission-page.sections.announce.cancelled', { title: titleOf(active.id) }),
    onDragCancel: ({ active }) => t('submission-page.sections.announce.cancelled', { title: titleOf(active.id) }),
  };
  const staleError = update.error instanceof ApiError && update.error.status === 409;

  return (
    <Panel>
      {canReorder && items.length > 1 && !narrow && (
        <p id="outline-help" className="hint">
          {t('submission-page.sections.help')}
        </p>
      )}
      {notice && (
        <p className="state state-error" role="alert">
          {notice}
        </p>
      )}
      {!staleError && <FormError error={update.error} />}
      <FormError error={reorder.error} />
      {items.length === 0 ? (
        <EmptyState>{t('submissions.noSections')}</EmptyState>
      ) : (
        <DndContext
          sensors={sensors}
          onDragEnd={onDragEnd}
          accessibility={{
            announcements,
            screenReaderInstructions: { draggable: t('submission-page.sections.instructions') },
          }}
        >
          <div ref={few.listRef}>
            <ol
              className="outline"
              aria-describedby={canReorder && items.length > 1 && !narrow ? 'outline-help' : undefined}
            >
              {few.visible.map((section, index) => (
                <SectionRow
                  key={section.id}
                  submissionId={submission.id}
                  section={section}
                  index={index}
                  count={items.length}
                  people={people.data?.items ?? []}
                  canRun={canRun}
                  canEditStatus={section.canEditText ?? (canRun || section.assignee?.id === me.id)}
                  frozen={frozen}
                  busy={reorder.isPending}
                  onMove={(to) => move(index, to)}
                  onChange={change}
                />
              ))}
            </ol>
            <ShowMoreButton hidden={few.hidden} onClick={few.showAll} />
          </div>
        </DndContext>
      )}
      {canRun && !frozen && (
        <PhoneFold summary={t('submission-page.sections.add')}>
          <AddSectionForm submissionId={submission.id} people={people.data?.items ?? []} onAdded={few.revealAll} />
        </PhoneFold>
      )}
    </Panel>
  );
}

function Panel({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="sections">
      <h2 id="sections">{t('submissions.sections')}</h2>
      {children}
    </section>
  );
}
