import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { allPages } from '../../api/all-pages';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];
export type Review = Schemas['ReviewResponse'];
export type Mechanism = Schemas['Mechanism'];
export type ReviewDateKind = Schemas['ReviewDateKind'];
export type CreateReview = Schemas['CreateReviewDto'];
export type Recommendation = Schemas['RecommendationResponse'];
export type RecommendationDetail = Schemas['RecommendationDetailResponse'];
export type AssessmentStatus = Schemas['AssessmentStatus'];
export type CreateAssessment = Schemas['CreateAssessmentDto'];
export type ImportResult = Schemas['ImportResultResponse'];
export type OrganizationRef = Schemas['OrganizationRefResponse'];

export const MECHANISMS: Mechanism[] = ['crc', 'upr', 'cedaw', 'crpd', 'cat', 'ccpr', 'cescr', 'other'];
export const DATE_KINDS: ReviewDateKind[] = [
  'follow_up_report',
  'state_report',
  'list_of_issues',
  'pre_session',
  'session',
];
/** In the order a recommendation moves through them, regressed last. */
export const STATUSES: AssessmentStatus[] = [
  'no_information',
  'not_started',
  'in_progress',
  'partially_implemented',
  'implemented',
  'regressed',
];

/** The recommendations list's filters, as the server reads them. */
export interface RecommendationFilter {
  cluster?: string;
  tag?: string;
  status?: AssessmentStatus;
  urgent?: 'true' | 'false';
  responsibleOrganizationId?: string;
  followingOrganizationId?: string;
}

export function useReviews() {
  return useQuery({
    queryKey: queryKeys.reviews.list,
    queryFn: () =>
      allPages((cursor) => unwrap(api.GET('/api/v1/reviews', { params: { query: { limit: 100, cursor } } }))),
  });
}

export function useReview(id: string) {
  return useQuery({
    queryKey: queryKeys.reviews.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/reviews/{id}', { params: { path: { id } } })),
  });
}

/** Every recommendation of a review matching `filter`, in document order. */
export function useRecommendations(id: string, filter: RecommendationFilter = {}) {
  const defined = Object.fromEntries(Object.entries(filter).filter(([, v]) => v)) as Record<string, string>;
  return useQuery({
    queryKey: queryKeys.reviews.recommendations(id, defined),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/api/v1/reviews/{id}/recommendations', {
            params: { path: { id }, query: { limit: 100, cursor, ...defined } },
          }),
        ),
      ),
  });
}

export function useRecommendation(id: string) {
  return useQuery({
    queryKey: queryKeys.reviews.recommendation(id),
    queryFn: () => unwrap(api.GET('/api/v1/recommendations/{id}', { params: { path: { id } } })),
  });
}

export function useCreateReview() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateReview) => unwrap(api.POST('/api/v1/reviews', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.reviews.list }),
  });
}

/** A dry run answers the preview; a real one saves all or nothing, and the review's lists are read again. */
export function useImportRecommendations(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { text: string; dryRun: boolean; format?: 'text' | 'csv' }) =>
      unwrap(api.POST('/api/v1/reviews/{id}/recommendations/import', { params: { path: { id } }, body })),
    onSuccess: (result) => {
      if (!result.dryRun) void client.invalidateQueries({ queryKey: queryKeys.reviews.all });
    },
  });
}

export function useAssess(id: string, reviewId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAssessment) =>
      unwrap(api.POST('/api/v1/recommendations/{id}/assessments', { params: { path: { id } }, body })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.reviews.recommendation(id) });
      void client.invalidateQueries({ queryKey: queryKeys.reviews.detail(reviewId) });
      void client.invalidateQueries({ queryKey: ['reviews', reviewId, 'recommendations'] });
    },
  });
}

/** A day (YYYY-MM-DD) as an instant the formatter reads, on that day in UTC. */
export const dayIso = (day: string) => `${day}T12:00:00Z`;
