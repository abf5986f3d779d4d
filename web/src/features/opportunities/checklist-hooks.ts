import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { components } from '../../api/schema';
import { uploadFile } from '../../api/upload';
import { useInvalidateOpportunity } from './opportunity-hooks';

type Schemas = components['schemas'];
export type ChecklistItem = Schemas['ChecklistItemResponse'];
export type ChecklistChanges = Schemas['UpdateChecklistItemDto'];

export function useChecklist(id: string) {
  return useQuery({
    queryKey: queryKeys.opportunities.checklist(id),
    queryFn: () =>
      unwrap(api.GET('/api/v1/opportunities/{id}/checklist', { params: { path: { id }, query: { limit: 100 } } })),
  });
}

export function useAddChecklistItem(id: string) {
  const invalidate = useInvalidateOpportunity(id);
  return useMutation({
    mutationFn: (body: Schemas['CreateChecklistItemDto']) =>
      unwrap(api.POST('/api/v1/opportunities/{id}/checklist', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

/** Status (done, to do, waived with its reason), link or linked organisation document. */
export function useUpdateChecklistItem(id: string) {
  const invalidate = useInvalidateOpportunity(id);
  return useMutation({
    mutationFn: ({ itemId, body }: { itemId: string; body: ChecklistChanges }) =>
      unwrap(api.PATCH('/api/v1/opportunities/{id}/checklist/{itemId}', { params: { path: { id, itemId } }, body })),
    onSuccess: invalidate,
  });
}

/** Uploads the item's file; `progress` runs from 0 to 1 while it is sent. */
export function useUploadChecklistFile(id: string, itemId: string) {
  const invalidate = useInvalidateOpportunity(id);
  const [progress, setProgress] = useState(0);
  const mutation = useMutation({
    mutationFn: (file: File) => {
      setProgress(0);
      return uploadFile<ChecklistItem>(`/api/v1/opportunities/${id}/checklist/${itemId}/file`, file, setProgress);
    },
    onSuccess: invalidate,
  });
  return { ...mutation, progress };
}
