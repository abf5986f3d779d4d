import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];
export type ApiToken = Schemas['ApiTokenResponse'];
export type CreatedApiToken = Schemas['CreatedApiTokenResponse'];

/** Sets a new password; the server ends the user's other sessions and revokes their API tokens. */
export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => unwrap(api.PATCH('/api/v1/me', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.apiTokens }),
  });
}

export function useApiTokens() {
  return useQuery({
    queryKey: queryKeys.apiTokens,
    queryFn: () => unwrap(api.GET('/api/v1/me/tokens')),
  });
}

export function useCreateApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; expiresAt?: string }) => unwrap(api.POST('/api/v1/me/tokens', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.apiTokens }),
  });
}

export function useRevokeApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/me/tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.apiTokens }),
  });
}
