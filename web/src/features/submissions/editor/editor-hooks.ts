import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, ApiError, unwrap } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';
import type { Section } from '../submission-hooks';

/** A save refused because someone saved first: the server sends the current text. */
export function conflictOf(error: unknown): Section | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const current = (error.details as { current?: Section } | undefined)?.current;
  return current ?? null;
}

export function useSaveSection(submissionId: string, sectionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: string; version: number }) =>
      unwrap(
        api.PATCH('/api/v1/submissions/{id}/sections/{sectionId}', {
          params: { path: { id: submissionId, sectionId } },
          body: input,
        }),
      ),
    onSuccess: (saved) => {
      client.setQueryData(queryKeys.submissions.section(submissionId, sectionId), saved);
      void client.invalidateQueries({ queryKey: queryKeys.submissions.detail(submissionId) });
      void client.invalidateQueries({ queryKey: queryKeys.submissions.sections(submissionId) });
      void client.invalidateQueries({ queryKey: queryKeys.submissions.revisions(submissionId, sectionId) });
    },
    onError: () => client.invalidateQueries({ queryKey: queryKeys.submissions.revisions(submissionId, sectionId) }),
  });
}

const HEARTBEAT_MS = 15_000;

/** Tells the others this section is open here (every 15 s) and answers who else has it open. */
export function usePresence(submissionId: string, sectionId: string, editing: boolean) {
  useEffect(() => {
    if (!editing) return;
    return () => {
      void api.DELETE('/api/v1/submissions/{id}/sections/{sectionId}/presence', {
        params: { path: { id: submissionId, sectionId } },
      });
    };
  }, [submissionId, sectionId, editing]);
  return useQuery({
    queryKey: queryKeys.submissions.presence(submissionId, sectionId),
    queryFn: () =>
      unwrap(
        editing
          ? api.PUT('/api/v1/submissions/{id}/sections/{sectionId}/presence', {
              params: { path: { id: submissionId, sectionId } },
            })
          : api.GET('/api/v1/submissions/{id}/sections/{sectionId}/presence', {
              params: { path: { id: submissionId, sectionId } },
            }),
      ),
    refetchInterval: HEARTBEAT_MS,
    refetchIntervalInBackground: true,
    retry: false,
  });
}

export function useMentionCandidates(submissionId: string, q: string | null) {
  return useQuery({
    queryKey: queryKeys.submissions.people(submissionId, q ?? ''),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/submissions/{id}/people', { params: { path: { id: submissionId }, query: { q: q ?? '' } } }),
      ),
    enabled: q !== null,
    staleTime: 60_000,
  });
}

export function useRevisions(submissionId: string, sectionId: string) {
  return useQuery({
    queryKey: queryKeys.submissions.revisions(submissionId, sectionId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/submissions/{id}/sections/{sectionId}/revisions', {
          params: { path: { id: submissionId, sectionId }, query: { limit: 100 } },
        }),
      ),
  });
}

export function useRevisionDiff(submissionId: string, sectionId: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: [...queryKeys.submissions.revisions(submissionId, sectionId), 'diff', from, to],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/submissions/{id}/sections/{sectionId}/revisions/diff', {
          params: { path: { id: submissionId, sectionId }, query: { from: from!, to: to! } },
        }),
      ),
    enabled: from !== null && to !== null && from !== to,
  });
}

/**
 * The server's word count of `text` when it holds Khmer (or another script counted by dictionary, where a
 * browser's dictionary may split words differently); asked for once typing pauses. Null until known.
 */
export function useServerWordCount(text: string, enabled: boolean): number | null {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(text), 600);
    return () => window.clearTimeout(timer);
  }, [text]);
  const count = useQuery({
    queryKey: ['word-count', settled],
    queryFn: () => unwrap(api.POST('/api/v1/word-count', { body: { text: settled } })),
    enabled,
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
  });
  return enabled && settled === text && count.data ? count.data.words : null;
}

/** One saved version's text: the version a conflicting edit started from, for a three-way combine. */
export function useRevisionBody(submissionId: string, sectionId: string, version: number | null) {
  return useQuery({
    queryKey: [...queryKeys.submissions.revisions(submissionId, sectionId), 'version', version],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/submissions/{id}/sections/{sectionId}/revisions/{version}', {
          params: { path: { id: submissionId, sectionId, version: version! } },
        }),
      ),
    enabled: version !== null,
    staleTime: Infinity,
  });
}
