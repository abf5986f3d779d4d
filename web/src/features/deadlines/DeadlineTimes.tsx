import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';

export const PHNOM_PENH = 'Asia/Phnom_Penh';

/**
 * One instant read in the deadline's own zone, the reader's zone and Phnom Penh. Zones that show the
 * same wall-clock time share a line, so a reader in Phnom Penh sees two lines, not three. `compact`
 * (lists): the reader's time, and the deadline's own where it differs, one short line each.
 */
export function DeadlineTimes({
  dueAt,
  timeZone,
  readerZone,
  compact = false,
}: {
  dueAt: string;
  timeZone: string;
  readerZone: string;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (compact) {
    // The reader's time first; the deadline's own zone beside it only where its clock reads differently.
    const own = format.dateTime(dueAt, timeZone) !== format.dateTime(dueAt, readerZone);
    const zones = [
      { zone: readerZone, label: t('deadlines.zoneYours') },
      ...(own ? [{ zone: timeZone, label: t('deadlines.zoneDeadline') }] : []),
    ];
    return (
      <p className="deadline-when">
        {zones.map(({ zone, label }) => (
          <span key={zone} className="deadline-when-line">
            <span className="visually-hidden">{label}: </span>
            <time dateTime={dueAt}>{format.dateTime(dueAt, zone)}</time>{' '}
            <span className="zone muted" translate="no">
              ({format.city(zone)})
            </span>
          </span>
        ))}
      </p>
    );
  }
  const lines: { zone: string; labels: string[] }[] = [];
  const add = (zone: string, label: string) => {
    const same = lines.find((line) => format.dateTime(dueAt, line.zone) === format.dateTime(dueAt, zone));
    if (same) same.labels.push(label);
    else lines.push({ zone, labels: [label] });
  };
  add(timeZone, t('deadlines.zoneDeadline'));
  add(readerZone, t('deadlines.zoneYours'));
  add(PHNOM_PENH, t('deadlines.zonePhnomPenh'));
  return (
    <dl className="deadline-times">
      {lines.map((line) => (
        <div key={line.zone} className="deadline-time">
          <dt>
            {line.labels.join(' · ')}{' '}
            {line.zone !== PHNOM_PENH && (
              <span className="zone" translate="no">
                ({format.city(line.zone)})
              </span>
            )}
          </dt>
          <dd>
            <time dateTime={dueAt}>{format.dateTime(dueAt, line.zone)}</time>{' '}
            <span className="muted">{format.offset(dueAt, line.zone)}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
