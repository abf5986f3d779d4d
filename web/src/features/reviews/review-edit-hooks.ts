import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { components } from '../../api/schema';
import { uploadFile } from '../../api/upload';
import type { ImportResult } from './review-hooks';

type Schemas = components['schemas'];
export type ReviewChanges = Schemas['UpdateReviewDto'];
export type RecommendationChanges = Schemas['UpdateRecommendationDto'];
export type AskRound = Schemas['AskAssessmentRoundDto'];
export type EvidenceFile = Schemas['DocumentFileResponse'];

/** Saves a review's details and dates; moved dates move their deadlines, so those are read again. */
export function useUpdateReview(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviewChanges) => unwrap(api.PATCH('/api/v1/reviews/{id}', { params: { path: { id } }, body })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.reviews.all });
      void client.invalidateQueries({ queryKey: queryKeys.deadlines.all });
    },
  });
}

/** Saves what coordinators change on a recommendation; its review's lists and matrix are read again. */
export function useUpdateRecommendation(id: string, reviewId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RecommendationChanges) =>
      unwrap(api.PATCH('/api/v1/recommendations/{id}', { params: { path: { id } }, body })),
    onSuccess: (saved) => {
      client.setQueryData(queryKeys.reviews.recommendation(id), saved);
      void client.invalidateQueries({ queryKey: queryKeys.reviews.detail(reviewId) });
      void client.invalidateQueries({ queryKey: ['reviews', reviewId, 'recommendations'] });
      void client.invalidateQueries({ queryKey: queryKeys.reviews.activity(reviewId) });
    },
  });
}

/** Who did what to the review, its recommendations, assessments and dates, newest first. */
export function useReviewActivity(id: string) {
  return useQuery({
    queryKey: queryKeys.reviews.activity(id),
    queryFn: () => unwrap(api.GET('/api/v1/reviews/{id}/activity', { params: { path: { id }, query: { limit: 20 } } })),
  });
}

/** Asks following organisations for their status check by a day: one deadline (with reminders) each. */
export function useAskRound(reviewId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AskRound) =>
      unwrap(api.POST('/api/v1/reviews/{id}/assessment-rounds', { params: { path: { id: reviewId } }, body })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.deadlines.all });
      void client.invalidateQueries({ queryKey: queryKeys.reviews.activity(reviewId) });
    },
  });
}

/** The import from an uploaded .docx, .txt or .csv: a preview (dryRun) or the save, as for pasted text. */
export function useImportFile(reviewId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) =>
      uploadFile<ImportResult>(`/api/v1/reviews/${reviewId}/recommendations/import-file`, file, () => undefined, {
        dryRun: String(dryRun),
      }),
    onSuccess: (result) => {
      if (!result.dryRun) void client.invalidateQueries({ queryKey: queryKeys.reviews.all });
    },
  });
}

/** Keeps a file of evidence; the assessment then names its id. */
export function useUploadEvidence(recommendationId: string) {
  return useMutation({
    mutationFn: (file: File) =>
      uploadFile<EvidenceFile>(`/api/v1/recommendations/${recommendationId}/evidence-files`, file, () => undefined),
  });
}

export const evidenceFileUrl = (recommendationId: string, fileId: string) =>
  `/api/v1/recommendations/${recommendationId}/evidence-files/${fileId}`;
