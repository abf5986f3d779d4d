import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage } from '../../i18n/i18n';

/** English / ខ្មែរ, each named in its own language. */
export function LanguageSwitch() {
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
          />
          {t(`languages.${language}`)}
        </label>
      ))}
    </fieldset>
  );
}
