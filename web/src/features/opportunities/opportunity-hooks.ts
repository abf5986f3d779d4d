import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];
export type Opportunity = Schemas['OpportunityDetailResponse'];
export type OpportunityChanges = Schemas['UpdateOpportunityDto'];
export type Stage = Schemas['OpportunityStage'];
export type BudgetTotal = Schemas['CurrencyTotalResponse'];
export type ActivityEntry = Schemas['ActivityResponse'];

export function useOpportunity(id: string) {
  return useQuery({
    queryKey: queryKeys.opportunities.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/opportunities/{id}', { params: { path: { id } } })),
  });
}

export function useFunder(id: string | null) {
  return useQuery({
    queryKey: queryKeys.organization(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/organizations/{id}', { params: { path: { id: id! } } })),
    enabled: id !== null,
  });
}

/** Everything under the opportunity (partners, checklist, budget, readiness, activity) and its deadlines. */
export function useInvalidateOpportunity(id: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: queryKeys.opportunities.detail(id) }),
      client.invalidateQueries({ queryKey: queryKeys.deadlines.all }),
    ]);
}

/** Saves changed details; a new closing date moves the call's external deadline on the server. */
export function useUpdateOpportunity(id: string) {
  const invalidate = useInvalidateOpportunity(id);
  return useMutation({
    mutationFn: (body: OpportunityChanges) =>
      unwrap(api.PATCH('/api/v1/opportunities/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

/** The opportunity's own history and that of its partners, checklist and closing deadline, newest first. */
export function useOpportunityActivity(id: string) {
  return useQuery({
    queryKey: queryKeys.opportunities.activity(id),
    queryFn: () =>
      unwrap(api.GET('/api/v1/opportunities/{id}/activity', { params: { path: { id }, query: { limit: 20 } } })),
  });
}
