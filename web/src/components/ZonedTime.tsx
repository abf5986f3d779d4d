import { useFormat } from '../i18n/format';

/** A date and time with the zone it is read in, never bare: "Mon 2 Mar 2026, 17:00 Geneva GMT+1". */
export function ZonedTime({ iso, zone }: { iso: string; zone: string }) {
  const format = useFormat();
  return (
    <>
      <time dateTime={iso}>{format.dateTime(iso, zone)}</time>{' '}
      <span className="muted">
        <span translate="no">{format.city(zone)}</span> {format.offset(iso, zone)}
      </span>
    </>
  );
}
