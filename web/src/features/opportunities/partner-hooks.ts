import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { components } from '../../api/schema';
import { useInvalidateOpportunity } from './opportunity-hooks';

type Schemas = components['schemas'];
export type Partner = Schemas['PartnerResponse'];
export type PartnerRole = Schemas['PartnerRole'];
export type PartnerChanges = Schemas['UpdatePartnerDto'];

export const PARTNER_ROLES: PartnerRole[] = ['lead', 'co_applicant', 'associate', 'subgrantee'];

export function usePartners(id: string) {
  return useQuery({
    queryKey: queryKeys.opportunities.partners(id),
    queryFn: () =>
      unwrap(api.GET('/api/v1/opportunities/{id}/partners', { params: { path: { id }, query: { limit: 100 } } })),
  });
}

export function useAddPartner(id: string) {
  const invalidate = useInvalidateOpportunity(id);
  return useMutation({
    mutationFn: (body: Schemas['CreatePartnerDto']) =>
      unwrap(api.POST('/api/v1/opportunities/{id}/partners', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

export function useUpdatePartner(id: string) {
  const invalidate = useInvalidateOpportunity(id);
  return useMutation({
    mutationFn: ({ partnerId, body }: { partnerId: string; body: PartnerChanges }) =>
      unwrap(
        api.PATCH('/api/v1/opportunities/{id}/partners/{partnerId}', { params: { path: { id, partnerId } }, body }),
      ),
    onSuccess: invalidate,
  });
}

export function useRemovePartner(id: string) {
  const invalidate = useInvalidateOpportunity(id);
  return useMutation({
    mutationFn: (partnerId: string) =>
      unwrap(api.DELETE('/api/v1/opportunities/{id}/partners/{partnerId}', { params: { path: { id, partnerId } } })),
    onSuccess: invalidate,
  });
}
