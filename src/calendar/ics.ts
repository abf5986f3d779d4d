import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalAlarmType, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { parseOffset } from '../deadlines/reminder-times.js';
import { offsetIn, t, timesIn, tOr } from '../i18n/translate.js';

export interface FeedEntry {
  id: string;
  title: string;
  kind: string;
  status: string;
  dueAt: Date;
  dueDate: string | null;
  timeZone: string;
  reminderOffsets: string[];
  subjectType: string;
  subjectLabel: string;
  subjectTitle: string;
  url: string;
}

/**
 * An iCalendar feed of deadlines: each in the zone it was set in (TZID, with its VTIMEZONE
 * definition so strict RFC 5545 readers agree), a whole-day event for date-only ones, the
 * link to the record, and one alarm per reminder offset. Its text is in the feed user's language.
 */
export function buildCalendar(
  name: string,
  entries: FeedEntry[],
  readerZone: string,
  now: Date,
  language = 'en',
): string {
  const calendar = ical({
    name,
    prodId: { company: 'Child Justice Network', product: 'CJN Tracker', language: language === 'km' ? 'KM' : 'EN' },
    ttl: 15 * 60,
    timezone: { name: readerZone, generator: getVtimezoneComponent },
  });
  for (const e of entries) {
    const zones = [...new Set(timesIn(language, e.dueAt, e.timeZone, readerZone).map((z) => z.text))];
    const prefix = e.status === 'done' ? '✓ ' : e.status === 'missed' ? t(language, 'calendar.missedPrefix') : '';
    const label = tOr(language, `subject.${e.subjectType}`, e.subjectLabel);
    const event = calendar.createEvent({
      id: `${e.id}@cjn-tracker`,
      stamp: now,
      summary: `${prefix}${e.title} — ${e.subjectTitle}`,
      description: [
        t(language, e.kind === 'external' ? 'calendar.external' : 'calendar.internal', {
          label: language === 'km' ? label : label.toLowerCase(),
          subject: e.subjectTitle,
        }),
        ...zones,
        e.url,
      ].join('\n'),
      url: e.url,
      status: ICalEventStatus.CONFIRMED,
      ...(e.dueDate
        ? { start: DateTime.fromISO(e.dueDate, { zone: e.timeZone }), allDay: true }
        : {
            start: DateTime.fromJSDate(e.dueAt, { zone: e.timeZone }),
            end: DateTime.fromJSDate(e.dueAt, { zone: e.timeZone }),
            timezone: e.timeZone,
          }),
    });
    if (e.status === 'open') {
      for (const offset of e.reminderOffsets) {
        const seconds = parseOffset(offset)?.as('seconds');
        if (seconds)
          event.createAlarm({
            type: ICalAlarmType.display,
            trigger: seconds,
            description: t(language, 'calendar.alarm', { title: e.title, offset: offsetIn(language, offset) }),
          });
      }
    }
  }
  return calendar.toString();
}
