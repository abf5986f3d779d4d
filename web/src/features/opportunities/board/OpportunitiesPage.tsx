import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { PageTitle } from '../../../components/PageTitle';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { useMe } from '../../auth/session-hooks';
import { CsvImport } from './CsvImport';
import { NewCallForm } from './NewCallForm';
import { PipelineBoard } from './PipelineBoard';
import { PipelineList } from './PipelineList';
import { type PipelineItem, type Stage, useMoveStage, usePipeline } from './pipeline-hooks';
import { type Refusal, RefusedMove } from './RefusedMove';

/** The pipeline of grant calls, as a board to drag calls along or as a list to filter, import and export. */
export function OpportunitiesPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'list' ? 'list' : 'board';
  const [panel, setPanel] = useState<'none' | 'new' | 'import'>('none');
  const isCoordinator = me?.role === 'coordinator' || me?.role === 'admin';
  const pipeline = usePipeline();
  const move = useMoveStage();
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const onMove = (item: PipelineItem, to: Stage, override?: { reason: string }) => {
    move.mutate(
      { id: item.id, to, ...(override ? { override: true, reason: override.reason } : {}) },
      {
        onSuccess: () => setRefusal(null),
        onError: (error) => {
          if (error instanceof ApiError && error.status < 500) setRefusal({ item, to, reason: error.message });
        },
      },
    );
  };

  return (
    <div className="opportunities-page">
      <PageTitle>{t('board.title')}</PageTitle>
      <div className="view-toolbar" role="group" aria-label={t('board.viewLabel')}>
        {(['board', 'list'] as const).map((v) => (
          <button
            key={v}
            type="button"
            className={view === v ? 'button' : 'button-secondary'}
            aria-pressed={view === v}
            onClick={() => setParams(v === 'list' ? { view: 'list' } : {})}
          >
            {t(`board.view.${v}`)}
          </button>
        ))}
        {isCoordinator && (
          <>
            <button
              type="button"
              className="button-secondary"
              onClick={() => setPanel(panel === 'new' ? 'none' : 'new')}
            >
              {t('board.newCall')}
            </button>
            <button
              type="button"
              className="button-secondary"
              onClick={() => setPanel(panel === 'import' ? 'none' : 'import')}
            >
              {t('board.importTitle')}
            </button>
          </>
        )}
      </div>
      {panel === 'new' && <NewCallForm onCancel={() => setPanel('none')} />}
      {panel === 'import' && <CsvImport />}
      {refusal && (
        <RefusedMove
          refusal={refusal}
          mayOverride={isCoordinator && refusal.item.stage === 'preparing' && refusal.to === 'submitted'}
          overriding={move.isPending}
          onOverride={(reason) => onMove(refusal.item, refusal.to, { reason })}
          onDismiss={() => setRefusal(null)}
        />
      )}
      {view === 'list' ? (
        <PipelineList />
      ) : pipeline.isPending ? (
        <LoadingState />
      ) : pipeline.isError ? (
        <ErrorState error={pipeline.error} retry={() => void pipeline.refetch()} />
      ) : pipeline.data.items.length === 0 ? (
        <EmptyState>{t('board.empty')}</EmptyState>
      ) : (
        <PipelineBoard items={pipeline.data.items} canMove={isCoordinator} onMove={(item, to) => onMove(item, to)} />
      )}
    </div>
  );
}
