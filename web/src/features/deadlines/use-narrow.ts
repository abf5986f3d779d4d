import { useSyncExternalStore } from 'react';

const QUERY = '(max-width: 599px)';

/** True under 600 px wide, where a month grid has no room: the calendar shows an agenda instead. */
export function useNarrow(): boolean {
  return useSyncExternalStore(
    (notify) => {
      const media = window.matchMedia(QUERY);
      media.addEventListener('change', notify);
      return () => media.removeEventListener('change', notify);
    },
    () => window.matchMedia(QUERY).matches,
  );
}
