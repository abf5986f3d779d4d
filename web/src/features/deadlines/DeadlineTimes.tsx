import { useTranslation } from 'react-i18next';
import { useFormat, zoneCity } from '../../i18n/format';

export const PHNOM_PENH = 'Asia/Phnom_Penh';

/**
 * One instant read in the deadline's own zone, the reader's zone and Phnom Penh. Zones that show the
 * same wall-clock time share a line, so a reader in Phnom Penh sees two lines, not three.
 */
export function DeadlineTimes({
  dueAt,
  timeZone,
  readerZone,
}: {
  dueAt: string;
  timeZone: string;
  readerZone: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
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
                ({zoneCity(line.zone)})
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
