import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { allPages } from '../../api/all-pages';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { components, operations } from '../../api/schema';

type Schemas = components['schemas'];
export type SubjectType = Schemas['DeadlineSubjectType'];
export type DeadlineStatus = Schemas['DeadlineStatus'];
export type Deadline = Schemas['DeadlineResponse'];
export type Reminder = Schemas['ReminderResponse'];
/** The list's filters; paging (`cursor`, `count`) is this module's business. */
export type DeadlineFilter = Omit<
  NonNullable<operations['Deadlines_list']['parameters']['query']>,
  'count' | 'cursor' | 'offset'
>;

/** Lists here page on with `nextCursor` and never show a total, so the server is spared counting it. */
const UNCOUNTED = { count: 'false' } as const;

export function useDeadlines(filter: DeadlineFilter) {
  const query = { limit: 100, ...filter, ...UNCOUNTED };
  return useQuery({
    queryKey: queryKeys.deadlines.list(Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)]))),
    queryFn: () => unwrap(api.GET('/api/v1/deadlines', { params: { query } })),
  });
}

/** The API's largest page. */
const MAX_LIMIT = 100;

/** Every deadline matching `filter`, however many pages that takes (the month calendar must not stop at 100). */
export function useAllDeadlines(filter: Omit<DeadlineFilter, 'limit'>) {
  return useQuery({
    queryKey: queryKeys.deadlines.list({ ...filter, pages: 'all' }),
    queryFn: () =>
      allPages<Deadline>((cursor) =>
        unwrap(
          api.GET('/api/v1/deadlines', {
            params: { query: { ...filter, ...UNCOUNTED, limit: MAX_LIMIT, ...(cursor ? { cursor } : {}) } },
          }),
        ),
      ),
  });
}

export function useDeadline(id: string) {
  return useQuery({
    queryKey: queryKeys.deadlines.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/deadlines/{id}', { params: { path: { id } } })),
  });
}

export function useReminders(id: string) {
  return useQuery({
    queryKey: queryKeys.deadlines.reminders(id),
    queryFn: () => unwrap(api.GET('/api/v1/deadlines/{id}/reminders', { params: { path: { id } } })),
  });
}

/** Marks a deadline done (or opens it again); its pending reminders are cancelled (or rescheduled) by the server. */
export function useSetDeadlineStatus(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (status: 'done' | 'open') =>
      unwrap(api.PATCH('/api/v1/deadlines/{id}', { params: { path: { id } }, body: { status } })),
    onSuccess: (deadline) => {
      client.setQueryData(queryKeys.deadlines.detail(id), deadline);
      void client.invalidateQueries({ queryKey: queryKeys.deadlines.all });
    },
  });
}
