import { useTranslation } from 'react-i18next';
import { formatter } from './formatter';

/** Dates, times, numbers and amounts through Intl, in the interface language. */
export function useFormat() {
  const { i18n } = useTranslation();
  return formatter(i18n.language);
}
