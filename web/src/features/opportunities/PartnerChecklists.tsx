import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useScrollTo } from '../../components/use-scroll-to';
import { AddChecklistItemForm } from './AddChecklistItemForm';
import { type ChecklistItem, useChecklist } from './checklist-hooks';
import { ChecklistItemRow } from './ChecklistItemRow';
import { ShowMoreButton, useFirstFew } from '../../components/ShowMore';
import { usePartners } from './partner-hooks';
import { useMe } from '../auth/session-hooks';
import { useNarrow } from '../deadlines/use-narrow';
import { useFormat } from '../../i18n/format';

interface Group {
  key: string;
  partnerId: string | null;
  organizationId: string | null;
  name: string;
  items: ChecklistItem[];
  isData: boolean;
}

/** Items shown per partner before "Show more". */
const FIRST_FEW = 3;

/** What each partner still owes, grouped by partner; items owed by the consortium as a whole come first. */
export function PartnerChecklists({ opportunityId, coordinator }: { opportunityId: string; coordinator: boolean }) {
  const { t } = useTranslation();
  const checklist = useChecklist(opportunityId);
  const partners = usePartners(opportunityId);
  const { itemId, partnerId } = useParams();
  const target = itemId ? `checklist-${itemId}` : partnerId ? `partner-${partnerId}` : null;
  useScrollTo(target, checklist.isSuccess && partners.isSuccess);
  if (checklist.isPending || partners.isPending) return <LoadingState />;
  if (checklist.error) return <ErrorState error={checklist.error} retry={() => void checklist.refetch()} />;
  if (partners.error) return <ErrorState error={partners.error} retry={() => void partners.refetch()} />;

  const groups: Group[] = [];
  const shared = checklist.data.items.filter((item) => item.partnerId === null);
  if (shared.length || coordinator)
    groups.push({
      key: 'shared',
      partnerId: null,
      organizationId: null,
      name: t('opportunities.wholeConsortium'),
      items: shared,
      isData: false,
    });
  for (const p of partners.data.items) {
    const items = checklist.data.items.filter((item) => item.partnerId === p.id);
    if (items.length || coordinator)
      groups.push({
        key: p.id,
        partnerId: p.id,
        organizationId: p.organizationId,
        name: p.organization?.acronym ?? p.organization?.name ?? '—',
        items,
        isData: true,
      });
  }
  const empty = checklist.data.items.length === 0;
  return (
    <section className="panel" aria-labelledby="checklist">
      <h2 id="checklist">{t('opportunities.checklist')}</h2>
      {empty && <EmptyState>{t('opportunities.noChecklist')}</EmptyState>}
      {groups.map((group) => (
        <ChecklistGroup
          key={group.key}
          group={group}
          opportunityId={opportunityId}
          itemId={itemId}
          partnerId={partnerId}
          coordinator={coordinator}
        />
      ))}
    </section>
  );
}

/**
 * What one partner owes: the first few items (all of them when a link points at one), then "Show more".
 * On a phone each group folds to its name and what is left to do; the reader's own organisation's (or
 * the one a link points at) stays open.
 */
function ChecklistGroup(props: {
  group: Group;
  opportunityId: string;
  itemId?: string;
  partnerId?: string;
  coordinator: boolean;
}) {
  const { group, opportunityId, itemId, coordinator } = props;
  const { t } = useTranslation();
  const format = useFormat().number;
  const me = useMe().data;
  const narrow = useNarrow();
  const linked =
    group.items.some((item) => item.id === itemId) || (!!group.partnerId && group.partnerId === props.partnerId);
  const few = useFirstFew(group.items, linked ? undefined : FIRST_FEW);
  const toDo = group.items.filter((item) => item.status === 'todo').length;
  const [open, setOpen] = useState(
    !narrow || linked || (!!me?.organizationId && group.organizationId === me.organizationId),
  );
  return (
    <details className="checklist-group" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        <h3 id={`partner-${group.key}`} tabIndex={-1} translate={group.isData ? 'no' : undefined}>
          {group.name}
        </h3>{' '}
        <span className="muted">
          {toDo
            ? t('opportunities.itemsToDo', { count: toDo, formatted: format(toDo) })
            : t('opportunities.nothingToDo')}
        </span>
      </summary>
      {group.items.length > 0 && (
        <div ref={few.listRef}>
          <ul className="card-list">
            {few.visible.map((item) => (
              <ChecklistItemRow
                key={item.id}
                opportunityId={opportunityId}
                item={item}
                current={item.id === itemId}
                coordinator={coordinator}
                organizationId={group.organizationId}
              />
            ))}
          </ul>
          <ShowMoreButton hidden={few.hidden} onClick={few.showAll} />
        </div>
      )}
      {coordinator && (
        <AddChecklistItemForm opportunityId={opportunityId} partnerId={group.partnerId} owner={group.name} />
      )}
    </details>
  );
}
