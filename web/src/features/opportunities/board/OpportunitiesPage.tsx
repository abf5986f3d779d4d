import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { useMe } from '../../auth/session-hooks';
import { Board } from './Board';
import { CsvImport } from './CsvImport';
import { OpportunityList } from './OpportunityList';
import './board.css';

/** The pipeline as a board of stages or as a filtered list; the view is kept in the URL (`?view=list`). */
export function OpportunitiesPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'list' ? 'list' : 'board';
  const isCoordinator = me.role === 'coordinator' || me.role === 'admin';
  const setView = (next: 'board' | 'list') =>
    setParams(
      (current) => {
        const copy = new URLSearchParams(current);
        if (next === 'list') copy.set('view', 'list');
        else copy.delete('view');
        return copy;
      },
      { replace: true },
    );
  return (
    <>
      <PageTitle>{t('board.title')}</PageTitle>
      <div className="toolbar">
        <div role="group" aria-label={t('board.view')} className="segmented">
          <button type="button" aria-pressed={view === 'board'} onClick={() => setView('board')}>
            {t('board.boardView')}
          </button>
          <button type="button" aria-pressed={view === 'list'} onClick={() => setView('list')}>
            {t('board.listView')}
          </button>
        </div>
        {isCoordinator && (
          <Link className="button" to="/opportunities/new">
            {t('board.newCall')}
          </Link>
        )}
      </div>
      {view === 'board' ? (
        <Board />
      ) : (
        <>
          <OpportunityList organizationId={me.organizationId} />
          {isCoordinator && <CsvImport />}
        </>
      )}
    </>
  );
}
