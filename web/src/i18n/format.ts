import { useTranslation } from 'react-i18next';
import { formatter } from './formatter';

/** The city part of an IANA zone, e.g. `Europe/Zurich` → `Zurich`. */
export const zoneCity = (zone: string) => zone.slice(zone.lastIndexOf('/') + 1).replaceAll('_', ' ');

/** Dates, times, numbers and amounts through Intl, in the interface language. */
export function useFormat() {
  const { i18n } = useTranslation();
  return formatter(i18n.language);
}
