import { useOpportunityList } from '../opportunities/board/board-hooks';
import { useOrganizations } from '../organizations/organization-hooks';
import { useSubmissionList } from '../submissions/page/page-hooks';
import type { Choice } from './ChoiceChecks';

/**
 * What a recommendation can name: government bodies (organisations of kind government), the network's other
 * organisations, and the submissions and calls the reader sees (the first 100 of each).
 */
export function useLinkChoices() {
  const organizations = useOrganizations({ limit: 100 });
  const submissions = useSubmissionList({ limit: 100 });
  const opportunities = useOpportunityList({ limit: 100 });
  const orgs = organizations.data?.items ?? [];
  const byName = (a: Choice, b: Choice) => a.name.localeCompare(b.name);
  return {
    pending: organizations.isPending || submissions.isPending || opportunities.isPending,
    error: organizations.error ?? submissions.error ?? opportunities.error,
    retry: () => void Promise.all([organizations.refetch(), submissions.refetch(), opportunities.refetch()]),
    government: orgs.filter((o) => o.kind === 'government').sort(byName),
    network: orgs.filter((o) => o.kind !== 'government' && o.kind !== 'funder').sort(byName),
    submissions: (submissions.data?.items ?? []).map((s) => ({ id: s.id, name: s.title })).sort(byName),
    opportunities: (opportunities.data?.items ?? []).map((o) => ({ id: o.id, name: o.title })).sort(byName),
  };
}
