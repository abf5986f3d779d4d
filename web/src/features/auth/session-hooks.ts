import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { components } from '../../api/schema';
import { isLanguage, type Language, setLanguage } from '../../i18n/i18n';
import { clearApiCache } from '../../offline/api-cache';
import { clearAllDrafts } from '../submissions/editor/drafts';

/** The signed-in user as GET /api/v1/me returns it. */
export type Me = components['schemas']['MeResponse'];

export function useMe() {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: () => unwrap(api.GET('/api/v1/me')),
    staleTime: 60_000,
  });
}

/**
 * Signs in. The profile's language becomes the interface's, whatever the browser says; only a language the
 * person picked on the sign-in page itself (`language`) changes the profile.
 */
export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: { email: string; password: string; language?: Language }) => {
      // Login answers a UserResponse; the `me` cache holds GET /me's MeResponse, which adds the channels.
      const user = await unwrap(
        api.POST('/api/v1/auth/login', { body: { email: input.email, password: input.password } }),
      );
      if (input.language && user.language !== input.language) {
        return unwrap(api.PATCH('/api/v1/me', { body: { language: input.language } }));
      }
      return unwrap(api.GET('/api/v1/me'));
    },
    onSuccess: async (me) => {
      // Someone else may have used this device last without signing out: nothing of theirs stays offline.
      await clearApiCache();
      if (isLanguage(me.language)) await setLanguage(me.language);
      client.setQueryData<Me>(queryKeys.me, me);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    // At once, even offline (where the request itself waits for the connection): answers and unsaved drafts.
    onMutate: () => {
      clearAllDrafts();
      return clearApiCache();
    },
    mutationFn: () => unwrap(api.POST('/api/v1/auth/logout')),
    onSettled: async () => {
      // Again once signed out, in case an answer fetched meanwhile was kept: a shared phone shows nothing of ours.
      await client.cancelQueries();
      await clearApiCache();
      client.clear();
      void navigate('/sign-in');
    },
  });
}

export function useAcceptInvitation() {
  return useMutation({
    mutationFn: (input: { token: string; password: string }) =>
      unwrap(api.POST('/api/v1/auth/invitations/accept', { body: input })),
  });
}

/** Asks for a reset link by e-mail; the server answers 202 whether or not the address has an account. */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (input: { email: string }) => unwrap(api.POST('/api/v1/auth/password-reset', { body: input })),
  });
}

export function useConfirmPasswordReset() {
  return useMutation({
    mutationFn: (input: { token: string; password: string }) =>
      unwrap(api.POST('/api/v1/auth/password-reset/confirm', { body: input })),
  });
}
