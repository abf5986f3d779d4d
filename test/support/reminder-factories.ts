import type { Actor } from './factories.js';
import type { TestApp } from './test-app.js';

export interface DeadlineBody {
  subjectType: string;
  subjectId: string;
  title?: string;
  kind?: 'external' | 'internal';
  dueAt?: string;
  dueDate?: string;
  timeZone?: string;
  assigneeIds?: string[];
  reminderOffsets?: string[];
  overdueReminder?: boolean;
}

export interface DeadlineResponse {
  id: string;
  title: string;
  status: string;
  dueAt: string;
  timeZone: string;
  reminderOffsets: string[];
  version: number;
  display: { label: string; zone: string; local: string; text: string }[];
}

let counter = 0;

/** Creates a deadline through the API and returns its body (fails the test on anything but 201). */
export async function makeDeadline(actor: Actor, body: DeadlineBody): Promise<DeadlineResponse> {
  counter += 1;
  const res = await actor.as
    .post('/api/v1/deadlines')
    .send({ title: `Deadline ${counter}`, kind: 'internal', timeZone: 'Europe/Geneva', ...body });
  if (res.status !== 201) throw new Error(`makeDeadline: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as DeadlineResponse;
}

/** An ISO instant `ms` from now. */
export function fromNow(ms: number): string {
  return new Date(Date.now() + ms).toISOString();
}

/** Sets a user's channels, quiet hours, digest and Telegram chat directly (what PATCH /users does for admins). */
export async function setNotificationPrefs(
  t: TestApp,
  userId: string,
  prefs: {
    channels?: string[];
    quietHours?: { start: string; end: string } | null;
    digest?: string;
    telegramChatId?: string | null;
  },
): Promise<void> {
  const { telegramChatId, ...rest } = prefs;
  await t.db.query(
    `UPDATE users SET notification_preferences = notification_preferences || $2::jsonb,
            telegram_chat_id = CASE WHEN $3 THEN $4 ELSE telegram_chat_id END WHERE id = $1`,
    [userId, JSON.stringify(rest), telegramChatId !== undefined, telegramChatId ?? null],
  );
}

export interface IcsEvent {
  props: Record<string, string>;
  /** property name with parameters, e.g. `DTSTART;TZID=Europe/Zurich` → value */
  raw: Record<string, string>;
  alarms: Record<string, string>[];
}

/** A small RFC 5545 reader: unfolds lines and returns the VEVENTs with their properties and alarms. */
export function parseIcs(text: string): { calendar: Record<string, string>; events: IcsEvent[] } {
  if (!text.startsWith('BEGIN:VCALENDAR')) throw new Error('not an iCalendar document');
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split(/\r\n/)
    .filter(Boolean);
  const calendar: Record<string, string> = {};
  const events: IcsEvent[] = [];
  const stack: string[] = [];
  let event: IcsEvent | null = null;
  let alarm: Record<string, string> | null = null;
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon < 0) throw new Error(`malformed line: ${line}`);
    const key = line.slice(0, colon);
    const value = line
      .slice(colon + 1)
      .replace(/\\n/g, '\n')
      .replace(/\\([,;\\])/g, '$1');
    if (key === 'BEGIN') {
      stack.push(value);
      if (value === 'VEVENT') event = { props: {}, raw: {}, alarms: [] };
      if (value === 'VALARM') alarm = {};
      continue;
    }
    if (key === 'END') {
      if (stack.pop() !== value) throw new Error(`unbalanced END:${value}`);
      if (value === 'VEVENT' && event) {
        events.push(event);
        event = null;
      }
      if (value === 'VALARM' && alarm && event) {
        event.alarms.push(alarm);
        alarm = null;
      }
      continue;
    }
    const name = key.split(';')[0];
    if (alarm) alarm[name] = value;
    else if (event) {
      event.props[name] = value;
      event.raw[key] = value;
    } else calendar[name] = value;
  }
  if (stack.length) throw new Error('unterminated component');
  return { calendar, events };
}
