import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { operations } from '../../api/schema';

export type OrganizationQuery = NonNullable<operations['Organizations_list']['parameters']['query']>;

/**
 * Organisations as the list answers a query: every choice (`{ limit: 100 }`), the funders, a name search.
 * The one hook for the list, so each query has one cache entry and one shape.
 */
export function useOrganizations(query: OrganizationQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.organizations(query),
    queryFn: () => unwrap(api.GET('/api/v1/organizations', { params: { query } })),
    enabled: options.enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
