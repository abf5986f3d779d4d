import { useSearchParams } from 'react-router';
import { useMe } from '../auth/session-hooks';
import { STATUSES, type AssessmentStatus, type RecommendationFilter } from './review-hooks';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The filters live in the URL, so a filtered list (or a matrix cell's) can be shared. */
function filterFrom(params: URLSearchParams, organizationId: string | null): RecommendationFilter {
  const value = (key: string) => params.get(key)?.trim() || undefined;
  const id = (key: string) => (UUID.test(value(key) ?? '') ? value(key) : undefined);
  const status = value('status');
  const urgent = value('urgent');
  return {
    cluster: value('cluster'),
    tag: value('tag'),
    status: STATUSES.includes(status as AssessmentStatus) ? (status as AssessmentStatus) : undefined,
    urgent: urgent === 'true' || urgent === 'false' ? urgent : undefined,
    responsibleOrganizationId: id('responsible'),
    followingOrganizationId: params.get('mine') === 'true' && organizationId ? organizationId : id('following'),
  };
}

/** The review page's filters (read by both the matrix and the list) and a setter that keeps the others. */
export function useRecommendationFilter() {
  const [params, setParams] = useSearchParams();
  const me = useMe().data!;
  const filter = filterFrom(params, me.organizationId ?? null);
  const set = (key: string, value: string) =>
    setParams(
      (current) => {
        const copy = new URLSearchParams(current);
        if (value) copy.set(key, value);
        else copy.delete(key);
        return copy;
      },
      { replace: true },
    );
  return { params, filter, set, filtered: Object.values(filter).some(Boolean) };
}
