import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { components } from '../../api/schema';
import type { SectionStatus } from '../../../../shared/submission.workflow';

// Response fields this feature reads; the OpenAPI document declares no response schemas yet.

export type Submission = components['schemas']['SubmissionDetailResponse'];

export interface Section {
  id: string;
  position: number;
  title: string;
  assignee: { id: string; name: string } | null;
  body: string;
  status: SectionStatus;
  version: number;
  wordCount: number;
  /** Whether the reader may save its text and status. */
  canEditText?: boolean;
  updatedBy: { name: string } | null;
  updatedAt: string;
}

export interface Endorsement {
  id: string;
  organizationId: string;
  displayName: string | null;
  endorsedAt: string;
}

/** A comment or a reply; a thread (`CommentThreadResponse`) adds its replies. */
export type Comment = components['schemas']['CommentResponse'];

export function useSubmission(id: string) {
  return useQuery({
    queryKey: queryKeys.submissions.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/submissions/{id}', { params: { path: { id } } })),
  });
}

export function useSections(id: string) {
  return useQuery({
    queryKey: queryKeys.submissions.sections(id),
    queryFn: () => unwrap(api.GET('/api/v1/submissions/{id}/sections', { params: { path: { id } } })),
  });
}

export function useSection(id: string, sectionId: string) {
  return useQuery({
    queryKey: queryKeys.submissions.section(id, sectionId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/submissions/{id}/sections/{sectionId}', { params: { path: { id, sectionId } } })),
  });
}

export function useEndorsements(id: string) {
  return useQuery({
    queryKey: queryKeys.submissions.endorsements(id),
    queryFn: () => unwrap(api.GET('/api/v1/submissions/{id}/endorsements', { params: { path: { id } } })),
  });
}

/** A section's comment threads, each with its replies. */
export function useComments(id: string, sectionId: string) {
  return useQuery({
    queryKey: queryKeys.submissions.comments(id, sectionId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/submissions/{id}/sections/{sectionId}/comments', {
          params: { path: { id, sectionId }, query: { limit: 100 } },
        }),
      ),
  });
}
