import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['en', 'km'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'cjn.language';

export const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  return navigator.languages.some((l) => l.startsWith('km')) ? 'km' : 'en';
}

/** Switches the interface language and remembers it on this device (the profile keeps it across devices). */
export async function setLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  if (i18n.language !== language) await i18n.changeLanguage(language);
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

type Catalogue = { [key: string]: string | Catalogue };

/** Each area keeps its strings in `<language>/<area>.json`; its keys are read as `<area>.<key>`. */
function catalogue(language: Language): Catalogue {
  const files = import.meta.glob<Catalogue>('./*/*.json', { eager: true, import: 'default' });
  return Object.fromEntries(
    Object.entries(files)
      .filter(([path]) => path.startsWith(`./${language}/`))
      .map(([path, strings]) => [path.slice(language.length + 3, -'.json'.length), strings]),
  );
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: catalogue('en') }, km: { translation: catalogue('km') } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18n };
