import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { components } from '../../api/schema';
import { uploadFile } from '../../api/upload';

type Schemas = components['schemas'];
export type OrganizationDocument = Schemas['OrganizationDocumentResponse'];
export type DocumentKind = Schemas['DocumentKind'];

export const DOCUMENT_KINDS: DocumentKind[] = [
  'registration_certificate',
  'audited_accounts',
  'safeguarding_policy',
  'annual_report',
  'budget',
  'cv',
  'other',
];

/** An organisation's recurring documents; 404 (an error) for those who may not see them. */
export function useOrganizationDocuments(organizationId: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.organizationDocuments(organizationId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organizations/{id}/documents', {
          params: { path: { id: organizationId }, query: { limit: 100 } },
        }),
      ),
    enabled,
    retry: false,
  });
}

/** Records the document (kind, title, expiry), then uploads its file with progress. */
export function useAddOrganizationDocument(organizationId: string) {
  const client = useQueryClient();
  const [progress, setProgress] = useState(0);
  const mutation = useMutation({
    mutationFn: async (input: { body: Schemas['CreateDocumentDto']; file: File }) => {
      setProgress(0);
      const created = await unwrap(
        api.POST('/api/v1/organizations/{id}/documents', {
          params: { path: { id: organizationId } },
          body: input.body,
        }),
      );
      try {
        return await uploadFile<OrganizationDocument>(
          `/api/v1/organizations/${organizationId}/documents/${created.id}/file`,
          input.file,
          setProgress,
        );
      } catch (refusal) {
        // A file the server refuses (size, type) leaves no empty document behind.
        await api.DELETE('/api/v1/organizations/{id}/documents/{documentId}', {
          params: { path: { id: organizationId, documentId: created.id } },
        });
        throw refusal;
      }
    },
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.organizationDocuments(organizationId) }),
  });
  return { ...mutation, progress };
}

/** Days until a document's last valid day (negative once expired), from today. */
export function daysLeft(expiresOn: string, now = new Date()): number {
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((Date.parse(`${expiresOn}T00:00:00Z`) - today) / 86_400_000);
}

/** Within this many days of its expiry a document is "expiring soon". */
export const EXPIRING_SOON_DAYS = 30;
