import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { components, operations } from '../../api/schema';

type Schemas = components['schemas'];

// The submissions feature's API shapes, each named once from the generated schema.
export type SubmissionItem = Schemas['SubmissionResponse'];
export type Submission = Schemas['SubmissionDetailResponse'];
export type SubmissionStatus = Schemas['SubmissionStatus'];
export type SubmissionKind = Schemas['SubmissionKind'];
export type Section = Schemas['SectionResponse'];
export type SectionStatus = Schemas['SectionStatus'];
export type Endorsement = Schemas['EndorsementResponse'];
/** A comment or a reply; a thread (`CommentThreadResponse`) adds its replies. */
export type Comment = Schemas['CommentResponse'];
export type Snapshot = Schemas['SnapshotResponse'];
export type SnapshotDetail = Schemas['SnapshotDetailResponse'];
export type DocumentView = Schemas['DocumentResponse'];
/** Someone who can read the submission: an assignee to choose, or a colleague to @mention. */
export type MentionCandidate = Schemas['MentionCandidateResponse'];
export type Presence = Schemas['PresenceResponse'];
export type RevisionSummary = Schemas['RevisionSummaryResponse'];
export type RevisionDiff = Schemas['RevisionDiffResponse'];
export type ListFilter = NonNullable<operations['Submissions_list']['parameters']['query']>;
export type CreateSubmission = Schemas['CreateSubmissionDto'];
export type SubmissionChanges = Schemas['UpdateSubmissionDto'];
export type Transition = Schemas['SubmissionTransitionDto'];

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
