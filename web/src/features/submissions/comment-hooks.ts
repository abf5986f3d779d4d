import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';

/** Writing, resolving and reopening a section's comments; each refreshes the threads. */
export function useCommentActions(submissionId: string, sectionId: string) {
  const client = useQueryClient();
  const path = { id: submissionId, sectionId };
  const refresh = () => client.invalidateQueries({ queryKey: queryKeys.submissions.comments(submissionId, sectionId) });
  const create = useMutation({
    mutationFn: (body: { body: string; parentId?: string; mentionedUserIds?: string[] }) =>
      unwrap(api.POST('/api/v1/submissions/{id}/sections/{sectionId}/comments', { params: { path }, body })),
    onSuccess: refresh,
  });
  const resolve = useMutation({
    mutationFn: ({ commentId, resolved }: { commentId: string; resolved: boolean }) =>
      unwrap(
        resolved
          ? api.POST('/api/v1/submissions/{id}/sections/{sectionId}/comments/{commentId}/resolve', {
              params: { path: { ...path, commentId } },
            })
          : api.POST('/api/v1/submissions/{id}/sections/{sectionId}/comments/{commentId}/reopen', {
              params: { path: { ...path, commentId } },
            }),
      ),
    onSuccess: refresh,
  });
  return { create, resolve };
}
