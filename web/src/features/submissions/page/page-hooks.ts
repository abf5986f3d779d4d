import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';
import { useMentionCandidates } from '../editor/editor-hooks';
import type {
  CreateSubmission,
  ListFilter,
  Section,
  SectionStatus,
  SubmissionChanges,
  Transition,
} from '../submission-hooks';

const listKey = ['submissions', 'list'] as const;

export function useSubmissionList(filter: ListFilter) {
  return useQuery({
    queryKey: [...listKey, filter],
    queryFn: () => unwrap(api.GET('/api/v1/submissions', { params: { query: filter } })),
    placeholderData: keepPreviousData,
  });
}

/** People who can work on the submission: the choices for a section's assignee (the list @mentions search). */
export function usePeople(id: string) {
  return useMentionCandidates(id, '');
}

/** The submission and everything that hangs on its status: sections, sign-on, document, deadlines, activity. */
function useInvalidate(id: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: queryKeys.submissions.detail(id) }),
      client.invalidateQueries({ queryKey: listKey }),
      client.invalidateQueries({ queryKey: queryKeys.deadlines.all }),
    ]);
}

export function useCreateSubmission() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSubmission) => unwrap(api.POST('/api/v1/submissions', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: listKey }),
  });
}

export function useUpdateSubmission(id: string) {
  const invalidate = useInvalidate(id);
  return useMutation({
    mutationFn: (body: SubmissionChanges) =>
      unwrap(api.PATCH('/api/v1/submissions/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

export function useTransition(id: string) {
  const invalidate = useInvalidate(id);
  return useMutation({
    mutationFn: (body: Transition) =>
      unwrap(api.POST('/api/v1/submissions/{id}/transitions', { params: { path: { id } }, body })),
    onSettled: invalidate,
  });
}

function useInvalidateSections(id: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: queryKeys.submissions.sections(id) }),
      client.invalidateQueries({ queryKey: queryKeys.submissions.detail(id) }),
      client.invalidateQueries({ queryKey: queryKeys.submissions.document(id) }),
    ]);
}

export function useAddSection(id: string) {
  const invalidate = useInvalidateSections(id);
  return useMutation({
    mutationFn: (body: { title: string; assigneeId?: string }) =>
      unwrap(api.POST('/api/v1/submissions/{id}/sections', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

export interface SectionChange {
  section: Section;
  status?: SectionStatus;
  assigneeId?: string | null;
}

/** Saves a section's status or assignee with the version it was read at; a 409 means someone saved first. */
export function useUpdateSection(id: string) {
  const invalidate = useInvalidateSections(id);
  return useMutation({
    mutationFn: ({ section, ...changes }: SectionChange) =>
      unwrap(
        api.PATCH('/api/v1/submissions/{id}/sections/{sectionId}', {
          params: { path: { id, sectionId: section.id } },
          body: { ...changes, version: section.version },
        }),
      ),
    onSettled: invalidate,
  });
}

export function useDeleteSection(id: string) {
  const invalidate = useInvalidateSections(id);
  return useMutation({
    mutationFn: (sectionId: string) =>
      unwrap(api.DELETE('/api/v1/submissions/{id}/sections/{sectionId}', { params: { path: { id, sectionId } } })),
    onSettled: invalidate,
  });
}

/** Puts the sections in the new order at once and back again when the server refuses. */
export function useReorderSections(id: string) {
  const client = useQueryClient();
  const invalidate = useInvalidateSections(id);
  const key = queryKeys.submissions.sections(id);
  return useMutation({
    mutationFn: (sectionIds: string[]) =>
      unwrap(api.POST('/api/v1/submissions/{id}/sections/reorder', { params: { path: { id } }, body: { sectionIds } })),
    onMutate: async (sectionIds) => {
      await client.cancelQueries({ queryKey: key });
      const before = client.getQueryData<{ items: Section[] }>(key);
      if (before) {
        const byId = new Map(before.items.map((s) => [s.id, s]));
        const items = sectionIds.map((sid, index) => ({ ...byId.get(sid)!, position: index + 1 }));
        client.setQueryData(key, { ...before, items });
      }
      return { before };
    },
    onError: (_error, _ids, context) => {
      if (context?.before) client.setQueryData(key, context.before);
    },
    onSettled: invalidate,
  });
}

function useInvalidateEndorsements(id: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: queryKeys.submissions.endorsements(id) }),
      client.invalidateQueries({ queryKey: queryKeys.submissions.detail(id) }),
      client.invalidateQueries({ queryKey: queryKeys.submissions.document(id) }),
    ]);
}

export function useEndorse(id: string) {
  const invalidate = useInvalidateEndorsements(id);
  return useMutation({
    mutationFn: (body: { displayName?: string; organizationId?: string }) =>
      unwrap(api.POST('/api/v1/submissions/{id}/endorsements', { params: { path: { id } }, body })),
    onSettled: invalidate,
  });
}

export function useWithdrawEndorsement(id: string) {
  const invalidate = useInvalidateEndorsements(id);
  return useMutation({
    mutationFn: (endorsementId: string) =>
      unwrap(
        api.DELETE('/api/v1/submissions/{id}/endorsements/{endorsementId}', {
          params: { path: { id, endorsementId } },
        }),
      ),
    onSettled: invalidate,
  });
}

/** The assembled text as it stands (the frozen final text once submitted). */
export function useDocument(id: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.submissions.document(id),
    queryFn: async () => {
      const document = await unwrap(
        api.GET('/api/v1/submissions/{id}/document', { params: { path: { id }, query: { format: 'json' } } }),
      );
      // The path answers Markdown, Word or JSON as `format` asks; asked for JSON, text is a server fault.
      if (typeof document === 'string') throw new Error('The document came back as text, not JSON');
      return document;
    },
    enabled,
  });
}

/** The document's download address (the browser sends the session cookie). */
export const documentUrl = (id: string, format: 'md' | 'docx') =>
  `/api/v1/submissions/${encodeURIComponent(id)}/document?format=${format}`;

export function useSnapshots(id: string) {
  return useQuery({
    queryKey: queryKeys.submissions.snapshots(id),
    queryFn: () =>
      unwrap(api.GET('/api/v1/submissions/{id}/snapshots', { params: { path: { id }, query: { limit: 50 } } })),
  });
}

export function useSnapshot(id: string, snapshotId: string | null) {
  return useQuery({
    queryKey: queryKeys.submissions.snapshot(id, snapshotId ?? ''),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/submissions/{id}/snapshots/{snapshotId}', {
          params: { path: { id, snapshotId: snapshotId! } },
        }),
      ),
    enabled: !!snapshotId,
  });
}

export function useCreateSnapshot(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      unwrap(api.POST('/api/v1/submissions/{id}/snapshots', { params: { path: { id } }, body: { name } })),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.submissions.snapshots(id) }),
  });
}

/** Who did what to the submission and its sections, newest first (everyone who can read it). */
export function useSubmissionActivity(id: string) {
  return useQuery({
    queryKey: queryKeys.submissions.activity(id),
    queryFn: () =>
      unwrap(api.GET('/api/v1/submissions/{id}/activity', { params: { path: { id }, query: { limit: 20 } } })),
  });
}
