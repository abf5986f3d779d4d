import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { components } from '../../api/schema';

/** An in-app notice; `url` is a path in this app. */
export type Notification = components['schemas']['NotificationResponse'];

export function useNotifications() {
  return useQuery({
    queryKey: queryKeys.notifications,
    queryFn: () => unwrap(api.GET('/api/v1/notifications', { params: { query: { limit: 50 } } })),
    refetchInterval: 60_000,
  });
}

export const useUnreadCount = () => useNotifications().data?.unread ?? 0;

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/notifications/read-all')),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
}
