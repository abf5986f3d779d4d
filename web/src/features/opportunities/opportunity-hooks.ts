import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';

// Response fields this feature reads; the OpenAPI document declares no response schemas yet.

export type Stage =
  | 'identified'
  | 'screening'
  | 'preparing'
  | 'submitted'
  | 'awarded'
  | 'reporting'
  | 'closed'
  | 'no_go'
  | 'declined'
  | 'withdrawn';

export interface BudgetTotal {
  currency: string;
  amount: string;
  partners: number;
}

export interface Opportunity {
  id: string;
  title: string;
  funderId: string | null;
  callReference: string | null;
  url: string | null;
  description: string | null;
  tags: string[];
  amountMin: string | null;
  amountMax: string | null;
  currency: string | null;
  closesAt: string | null;
  stage: Stage;
  readiness?: { readyToSubmit: boolean; blockers: string[] };
}

export interface Partner {
  id: string;
  organizationId: string;
  role: 'lead' | 'co_applicant' | 'associate' | 'subgrantee';
  status: 'invited' | 'confirmed' | 'declined';
  budgetAmount: string | null;
  budgetCurrency: string | null;
  organization: { name: string; acronym: string | null };
}

export interface ChecklistItem {
  id: string;
  partnerId: string | null;
  title: string;
  required: boolean;
  status: 'todo' | 'done' | 'waived';
  url: string | null;
  file: { name: string } | null;
  document: { title: string; expiresOn: string | null; expired: boolean } | null;
  downloadPath: string | null;
  canEdit: boolean;
}

export function useOpportunity(id: string) {
  return useQuery({
    queryKey: queryKeys.opportunities.detail(id),
    queryFn: () => unwrap<Opportunity>(api.GET('/api/v1/opportunities/{id}', { params: { path: { id } } })),
  });
}

export function useFunder(id: string | null) {
  return useQuery({
    queryKey: queryKeys.organization(id ?? ''),
    queryFn: () => unwrap<{ name: string }>(api.GET('/api/v1/organizations/{id}', { params: { path: { id: id! } } })),
    enabled: id !== null,
  });
}

export function usePartners(id: string) {
  return useQuery({
    queryKey: queryKeys.opportunities.partners(id),
    queryFn: () =>
      unwrap<{ items: Partner[]; budget: BudgetTotal[] }>(
        api.GET('/api/v1/opportunities/{id}/partners', { params: { path: { id }, query: { limit: 100 } } }),
      ),
  });
}

export function useChecklist(id: string) {
  return useQuery({
    queryKey: queryKeys.opportunities.checklist(id),
    queryFn: () =>
      unwrap<{ items: ChecklistItem[] }>(
        api.GET('/api/v1/opportunities/{id}/checklist', { params: { path: { id }, query: { limit: 100 } } }),
      ),
  });
}

/** Whatever changes a checklist also changes the opportunity's readiness to submit. */
function useInvalidateChecklist(id: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: queryKeys.opportunities.checklist(id) }),
      client.invalidateQueries({ queryKey: queryKeys.opportunities.detail(id) }),
    ]);
}

export function useSetChecklistStatus(id: string) {
  const invalidate = useInvalidateChecklist(id);
  return useMutation({
    mutationFn: ({ itemId, status }: { itemId: string; status: ChecklistItem['status'] }) =>
      unwrap<ChecklistItem>(
        api.PATCH('/api/v1/opportunities/{id}/checklist/{itemId}', {
          params: { path: { id, itemId } },
          body: { status },
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useUploadChecklistFile(id: string) {
  const invalidate = useInvalidateChecklist(id);
  return useMutation({
    mutationFn: ({ itemId, file }: { itemId: string; file: File }) => {
      const form = new FormData();
      form.append('file', file);
      return unwrap<ChecklistItem>(
        api.POST('/api/v1/opportunities/{id}/checklist/{itemId}/file', {
          params: { path: { id, itemId } },
          body: form as unknown as { file: string },
          bodySerializer: (body) => body as unknown as FormData,
        }),
      );
    },
    onSuccess: invalidate,
  });
}
