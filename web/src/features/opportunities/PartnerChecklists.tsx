import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useScrollTo } from '../../components/use-scroll-to';
import { AddChecklistItemForm } from './AddChecklistItemForm';
import { type ChecklistItem, useChecklist } from './checklist-hooks';
import { ChecklistItemRow } from './ChecklistItemRow';
import { usePartners } from './partner-hooks';

interface Group {
  key: string;
  partnerId: string | null;
  organizationId: string | null;
  name: string;
  items: ChecklistItem[];
  isData: boolean;
}

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
        <div key={group.key} className="checklist-group">
          <h3 id={`partner-${group.key}`} tabIndex={-1} translate={group.isData ? 'no' : undefined}>
            {group.name}
          </h3>
          {group.items.length > 0 && (
            <ul className="card-list">
              {group.items.map((item) => (
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
          )}
          {coordinator && (
            <AddChecklistItemForm opportunityId={opportunityId} partnerId={group.partnerId} owner={group.name} />
          )}
        </div>
      ))}
    </section>
  );
}
