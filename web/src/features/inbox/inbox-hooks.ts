import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';

/** An in-app notice (fields read here; the OpenAPI document has no response schema yet). `url` is a path in this app. */
export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  url: string | null;
  readAt: string | null;
  createdAt: string;
}

export function useNotifications() {
  return useQuery({
    queryKey: queryKeys.notifications,
    queryFn: () =>
      unwrap<{ items: Notification[]; unread: number }>(
        api.GET('/api/v1/notifications', { params: { query: { limit: 50 } } }),
      ),
    refetchInterval: 60_000,
  });
}

export const useUnreadCount = () => useNotifications().data?.unread ?? 0;

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap<Notification>(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap<unknown>(api.POST('/api/v1/notifications/read-all')),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
}
