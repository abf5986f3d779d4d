import { useTranslation } from 'react-i18next';

/** An ISO 4217 code field (three letters; the server checks the code). */
export function CurrencyInput(props: { id: string; value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <div>
      <label htmlFor={props.id}>{t('consortium.currency')}</label>
      <input
        id={props.id}
        maxLength={3}
        size={4}
        translate="no"
        autoCapitalize="characters"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}
