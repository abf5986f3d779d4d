import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';

/** One entry of the activity log (fields read here; the OpenAPI document has no response schema yet). */
export interface ActivityEntry {
  id: string;
  action: string;
  subjectType: string;
  subjectId: string;
  summary: string;
  createdAt: string;
}

/** The network's latest activity; the API shows it to coordinators and admins only. */
export function useRecentActivity(limit: number, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.activity(limit),
    queryFn: () => unwrap<{ items: ActivityEntry[] }>(api.GET('/api/v1/activity', { params: { query: { limit } } })),
    enabled,
  });
}
