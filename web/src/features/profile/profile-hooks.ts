import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { components } from '../../api/schema';
import { isLanguage, setLanguage } from '../../i18n/i18n';
import type { Me } from '../auth/session-hooks';

export type CalendarFeed = components['schemas']['CalendarFeedResponse'];
export type TelegramLink = components['schemas']['TelegramLinkResponse'];
export type ProfileChanges = Partial<Pick<Me, 'name' | 'timeZone' | 'language' | 'notificationPreferences'>>;

export function useUpdateProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (changes: ProfileChanges) => unwrap(api.PATCH('/api/v1/me', { body: changes })),
    onSuccess: async (me) => {
      client.setQueryData<Me>(queryKeys.me, me);
      if (isLanguage(me.language)) await setLanguage(me.language);
      // Deadlines carry times in the reader's zone.
      await client.invalidateQueries({ queryKey: ['deadlines'] });
    },
  });
}

export function useCalendarFeed() {
  return useQuery({
    queryKey: queryKeys.calendarFeed,
    queryFn: () => unwrap(api.GET('/api/v1/me/calendar')),
  });
}

/** A new secret address; the old one stops working (for a leaked link). */
export function useRegenerateCalendarFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/me/calendar/regenerate')),
    onSuccess: (feed) => client.setQueryData(queryKeys.calendarFeed, feed),
  });
}

export function useTelegramLink() {
  return useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/me/telegram/link')) });
}

export function useUnlinkTelegram() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/me/telegram')),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.me }),
  });
}
