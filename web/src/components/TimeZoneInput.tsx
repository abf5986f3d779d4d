import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMON_ZONES, knownZone, orderedZones, zoneName } from './time-zones';

interface Props {
  id: string;
  value: string;
  onChange: (zone: string) => void;
  invalid?: boolean;
  describedBy?: string;
}

/**
 * A searchable time-zone field: type a city or a region and pick from the list, which starts with the zones
 * the network uses (Phnom Penh, Bangkok, Geneva, Paris, New York, UTC), each named in the reader's language
 * with its IANA id. Only a zone the browser knows is passed on; anything else is marked invalid.
 */
export function TimeZoneInput({ id, value, onChange, invalid, describedBy }: Props) {
  const { t, i18n } = useTranslation();
  const listId = useId();
  const hintId = useId();
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setText(value);
  }
  const options = useMemo(
    () =>
      orderedZones().map((zone) => {
        // The common zones' cities have their name in each catalogue, so "ភ្នំពេញ" finds Asia/Phnom_Penh.
        const city = (COMMON_ZONES as readonly string[]).includes(zone)
          ? t(`common.zoneCity.${zone.replace('/', '_')}`)
          : null;
        const label = [city, zoneName(zone, i18n.language)].filter(Boolean).join(' · ');
        return { zone, label };
      }),
    [i18n.language, t],
  );
  const unknown = text.trim() !== '' && !knownZone(text.trim());
  return (
    <>
      <input
        id={id}
        list={listId}
        value={text}
        translate="no"
        autoComplete="off"
        spellCheck={false}
        aria-invalid={invalid || unknown || undefined}
        aria-describedby={[hintId, describedBy].filter(Boolean).join(' ')}
        onChange={(e) => {
          setText(e.target.value);
          const zone = knownZone(e.target.value.trim());
          if (zone) onChange(zone);
        }}
        onBlur={() => {
          if (!knownZone(text.trim())) setText(value);
        }}
      />
      <datalist id={listId}>
        {options.map(({ zone, label }) => (
          <option key={zone} value={zone} label={label || undefined} />
        ))}
      </datalist>
      <p id={hintId} className="hint">
        {unknown ? t('common.zoneUnknown') : t('common.zoneHint')}
      </p>
    </>
  );
}
