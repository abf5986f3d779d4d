import { useTranslation } from 'react-i18next';
import { type Language, LANGUAGES, setLanguage } from '../../i18n/i18n';

/** English / ខ្មែរ, each named in its own language; `onPick` hears of a language the person chose here. */
export function LanguageSwitch({ onPick }: { onPick?: (language: Language) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <fieldset className="language-switch">
      <legend>{t('auth.language')}</legend>
      {LANGUAGES.map((language) => (
        <label key={language} lang={language}>
          <input
            type="radio"
            name="language"
            value={language}
            checked={i18n.language === language}
            onChange={() => void setLanguage(language)}
            // A click counts as a choice even on the language already shown (the browser's guess).
            onClick={() => onPick?.(language)}
          />
          {t(`languages.${language}`)}
        </label>
      ))}
    </fieldset>
  );
}
