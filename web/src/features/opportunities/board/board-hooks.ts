import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';
import type { components, operations } from '../../../api/schema';

export type Opportunity = components['schemas']['OpportunityListItemResponse'];
export type Stage = Opportunity['stage'];
export type ImportReport = components['schemas']['ImportReportResponse'];
type OpportunityPage = components['schemas']['OpportunityListItemPage'];
export type ListFilter = NonNullable<operations['Opportunities_list']['parameters']['query']>;
export type CreateCall = components['schemas']['CreateOpportunityDto'];

const boardKey = ['opportunities', 'list'] as const;

export function useOpportunityList(filter: ListFilter) {
  return useQuery({
    queryKey: [...boardKey, filter],
    queryFn: () => unwrap(api.GET('/api/v1/opportunities', { params: { query: filter } })),
    placeholderData: keepPreviousData,
  });
}

export interface Move {
  opportunity: Opportunity;
  to: Stage;
  override?: boolean;
  reason?: string;
}

/** Moves a card at once and puts it back when the server refuses; every list is refreshed afterwards. */
export function useMoveOpportunity() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ opportunity, to, override, reason }: Move) =>
      unwrap(
        api.POST('/api/v1/opportunities/{id}/transitions', {
          params: { path: { id: opportunity.id } },
          body: { to, ...(override ? { override, reason } : {}) },
        }),
      ),
    onMutate: async ({ opportunity, to }) => {
      await client.cancelQueries({ queryKey: boardKey });
      const before = client.getQueriesData<OpportunityPage>({ queryKey: boardKey });
      client.setQueriesData<OpportunityPage>(
        { queryKey: boardKey },
        (page) =>
          page && { ...page, items: page.items.map((o) => (o.id === opportunity.id ? { ...o, stage: to } : o)) },
      );
      return { before };
    },
    onError: (_error, _move, context) => {
      for (const [key, page] of context?.before ?? []) client.setQueryData(key, page);
    },
    onSettled: (_data, _error, { opportunity }) =>
      Promise.all([
        client.invalidateQueries({ queryKey: boardKey }),
        client.invalidateQueries({ queryKey: queryKeys.opportunities.detail(opportunity.id) }),
      ]),
  });
}

export function useCreateCall() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCall) => unwrap(api.POST('/api/v1/opportunities', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: boardKey }),
  });
}

export function useImportCsv() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', file);
      return unwrap(
        api.POST('/api/v1/opportunities/import', {
          params: { query: { dryRun: dryRun ? 'true' : 'false' } },
          // openapi-fetch types a multipart body as its JSON schema; the FormData goes out as it is.
          body: form as unknown as { file: string },
          bodySerializer: (body) => body as unknown as FormData,
        }),
      );
    },
    onSuccess: (report) => (report.dryRun ? undefined : client.invalidateQueries({ queryKey: boardKey })),
  });
}

/** The export link for the same filters as the list (the browser downloads it with the session cookie). */
export function exportUrl(filter: ListFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || key === 'limit' || key === 'offset') continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return `/api/v1/opportunities/export.csv?${params.toString()}`;
}

/** The call's lead organisation is its consortium's lead partner. */
export function useAddLead() {
  return useMutation({
    mutationFn: ({ id, organizationId }: { id: string; organizationId: string }) =>
      unwrap(
        api.POST('/api/v1/opportunities/{id}/partners', {
          params: { path: { id } },
          body: { organizationId, role: 'lead' },
        }),
      ),
  });
}
