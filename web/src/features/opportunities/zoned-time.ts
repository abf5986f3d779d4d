/** The offset of `zone` from UTC at instant `ms`, in milliseconds. */
function zoneOffset(ms: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** `YYYY-MM-DDTHH:mm` as read on a clock in `zone` → the ISO instant. */
export function zonedToIso(local: string, zone: string): string {
  const [date, time] = local.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, h, min);
  let ms = wall - zoneOffset(wall, zone);
  ms = wall - zoneOffset(ms, zone);
  return new Date(ms).toISOString();
}

/** The ISO instant as `YYYY-MM-DDTHH:mm` on a clock in `zone` (a datetime-local input's value). */
export function isoToZoned(iso: string, zone: string): string {
  const ms = new Date(iso).getTime();
  return new Date(ms + zoneOffset(ms, zone)).toISOString().slice(0, 16);
}
