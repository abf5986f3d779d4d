import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];
export type DeadlineResponse = Schemas['DeadlineResponse'];
export type CreateDeadlineBody = Schemas['CreateDeadlineDto'];
export type UpdateDeadlineBody = Schemas['UpdateDeadlineDto'];
export type DeadlineTemplate = Schemas['DeadlineTemplateResponse'];
export type TemplateId = Schemas['ApplyTemplateDto']['templateId'];

/** The people a deadline can be assigned to (the network is small: one page of active people). */
export function useAssignablePeople() {
  return useQuery({
    queryKey: ['users', 'assignable'],
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: { limit: 100 } } })),
    select: (page) => page.items.filter((user) => user.status === 'active'),
  });
}

export function useDeadlineTemplates() {
  return useQuery({
    queryKey: [...queryKeys.deadlines.all, 'templates'],
    queryFn: () => unwrap(api.GET('/api/v1/deadlines/templates')),
    staleTime: Infinity,
  });
}

/** Creates the deadline, then (when a template was picked) the template's steps counted back from it. */
export function useCreateDeadline() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, templateId }: { body: CreateDeadlineBody; templateId?: TemplateId }) => {
      const created = await unwrap(api.POST('/api/v1/deadlines', { body }));
      if (templateId)
        await unwrap(
          api.POST('/api/v1/deadlines/{id}/template', {
            params: { path: { id: created.id } },
            body: { templateId },
          }),
        );
      return created;
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.deadlines.all }),
  });
}

export function useUpdateDeadline(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateDeadlineBody) =>
      unwrap(api.PATCH('/api/v1/deadlines/{id}', { params: { path: { id } }, body })),
    onSuccess: (deadline) => {
      client.setQueryData(queryKeys.deadlines.detail(id), deadline);
      void client.invalidateQueries({ queryKey: queryKeys.deadlines.all });
    },
  });
}

export const isConflict = (error: unknown) => error instanceof ApiError && error.status === 409;

export { fieldProblems } from '../../api/refusals';
