import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';
import type { components } from '../../../api/schema';

type Schemas = components['schemas'];
export type PipelineItem = Schemas['OpportunityResponse'];
export type Stage = Schemas['OpportunityStage'];
export type ImportReport = Schemas['ImportReportResponse'];
export type NewCall = Schemas['CreateOpportunityDto'];
type PipelinePage = { items: PipelineItem[]; total: number };

/** The pipeline's stages in order; the last four end a call's journey. */
export const STAGES: Stage[] = [
  'identified',
  'screening',
  'preparing',
  'submitted',
  'awarded',
  'reporting',
  'closed',
  'no_go',
  'declined',
  'withdrawn',
];

export interface PipelineFilter {
  q?: string;
  stage?: Stage;
  closesFrom?: string;
  closesTo?: string;
  sort?: 'closesAt' | '-updatedAt' | 'title';
}

/** The calls the user may see, not archived (at most one page of 100: the board of one network). */
export function usePipeline(filter: PipelineFilter = {}) {
  const query = { limit: 100, archived: 'false' as const, sort: filter.sort ?? 'closesAt', ...clean(filter) };
  return useQuery({
    queryKey: queryKeys.opportunities.list(query),
    queryFn: () => unwrap<PipelinePage>(api.GET('/api/v1/opportunities', { params: { query } })),
  });
}

/** Moves a call to another stage; the board shows it there at once and puts it back if the server refuses. */
export function useMoveStage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (move: { id: string; to: Stage; reason?: string; override?: boolean }) =>
      unwrap<PipelineItem>(
        api.POST('/api/v1/opportunities/{id}/transitions', {
          params: { path: { id: move.id } },
          body: { to: move.to, reason: move.reason, override: move.override },
        }),
      ),
    onMutate: async (move) => {
      await client.cancelQueries({ queryKey: queryKeys.opportunities.lists });
      const before = client.getQueriesData<PipelinePage>({ queryKey: queryKeys.opportunities.lists });
      client.setQueriesData<PipelinePage>({ queryKey: queryKeys.opportunities.lists }, (page) =>
        page ? { ...page, items: page.items.map((o) => (o.id === move.id ? { ...o, stage: move.to } : o)) } : page,
      );
      return { before };
    },
    onError: (_error, _move, context) => {
      for (const [key, data] of context?.before ?? []) client.setQueryData(key, data);
    },
    onSettled: (_data, _error, move) =>
      Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.opportunities.lists }),
        client.invalidateQueries({ queryKey: queryKeys.opportunities.detail(move.id) }),
      ]),
  });
}

export function useCreateCall() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCall) => unwrap<PipelineItem>(api.POST('/api/v1/opportunities', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.opportunities.lists }),
  });
}

/** The export link for the same filters as the list (the browser downloads it with the session cookie). */
export function exportUrl(filter: PipelineFilter): string {
  const params = new URLSearchParams({ archived: 'false', ...clean(filter) });
  return `/api/v1/opportunities/export.csv?${params.toString()}`;
}

function clean(filter: PipelineFilter): Record<string, string> {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== '')) as Record<
    string,
    string
  >;
}
