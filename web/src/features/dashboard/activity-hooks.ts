import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { components } from '../../api/schema';

/** One entry of the activity log. */
export type ActivityEntry = components['schemas']['ActivityResponse'];

/** What others did lately across the network (no sign-ins or own-account edits); coordinators and admins only. */
export function useRecentActivity(limit: number, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.activity(limit),
    queryFn: () => unwrap(api.GET('/api/v1/activity/recent', { params: { query: { limit, count: 'false' } } })),
    enabled,
  });
}
