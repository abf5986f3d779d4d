import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/states';
import { TimeZoneInput } from '../../components/TimeZoneInput';
import { LANGUAGES } from '../../i18n/i18n';
import type { Me } from '../auth/session-hooks';
import { useUpdateProfile } from './profile-hooks';

type Channel = Me['notificationPreferences']['channels'][number];
const CHANNELS: Channel[] = ['email', 'telegram', 'inApp'];
const DIGESTS = ['off', 'daily', 'weekly'] as const;

/** Name, language, time zone and how reminders reach the user, saved together. */
export function ProfileForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const update = useUpdateProfile();
  const [name, setName] = useState(me.name);
  const [language, setLanguage] = useState(me.language);
  const [timeZone, setTimeZone] = useState(me.timeZone);
  const [channels, setChannels] = useState(me.notificationPreferences.channels);
  const [quiet, setQuiet] = useState(me.notificationPreferences.quietHours !== null);
  const [quietStart, setQuietStart] = useState(me.notificationPreferences.quietHours?.start ?? '21:00');
  const [quietEnd, setQuietEnd] = useState(me.notificationPreferences.quietHours?.end ?? '07:00');
  const [digest, setDigest] = useState(me.notificationPreferences.digest);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({
      name,
      language,
      timeZone,
      notificationPreferences: { channels, digest, quietHours: quiet ? { start: quietStart, end: quietEnd } : null },
    });
  };
  const toggle = (channel: Channel, on: boolean) =>
    setChannels(on ? [...channels, channel] : channels.filter((c) => c !== channel));

  return (
    <form className="panel form" onSubmit={submit} aria-labelledby="profile-form">
      <h2 id="profile-form">{t('profile.aboutYou')}</h2>
      <label htmlFor="name">{t('profile.name')}</label>
      <input id="name" required value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
      <label htmlFor="language">{t('profile.language')}</label>
      <select id="language" value={language} onChange={(e) => setLanguage(e.target.value)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`languages.${l}`)}
          </option>
        ))}
      </select>
      <label htmlFor="time-zone">{t('profile.timeZone')}</label>
      <TimeZoneInput id="time-zone" value={timeZone} onChange={setTimeZone} />

      <fieldset>
        <legend>{t('profile.channels')}</legend>
        {CHANNELS.map((channel) => {
          // E-mail and Telegram only where the server is set up to send them (GET /me `channels`).
          const available = channel === 'inApp' || me.channels[channel];
          return (
            <label key={channel} className="check">
              <input
                type="checkbox"
                checked={channels.includes(channel)}
                disabled={!available}
                aria-describedby={available ? undefined : `channel-${channel}-off`}
                onChange={(e) => toggle(channel, e.target.checked)}
              />
              {t(`profile.channel.${channel}`)}
              {!available && (
                <span id={`channel-${channel}-off`} className="hint">
                  {' '}
                  {t('profile.channelNotSetUp')}
                </span>
              )}
            </label>
          );
        })}
      </fieldset>

      <fieldset>
        <legend>{t('profile.quietHours')}</legend>
        <label className="check">
          <input type="checkbox" checked={quiet} onChange={(e) => setQuiet(e.target.checked)} />
          {t('profile.quietHoursOn')}
        </label>
        {quiet && (
          <div className="inline-fields">
            <div>
              <label htmlFor="quiet-start">{t('profile.quietFrom')}</label>
              <input
                id="quiet-start"
                type="time"
                value={quietStart}
                onChange={(e) => setQuietStart(e.target.value)}
                required
              />
            </div>
            <div>
              <label htmlFor="quiet-end">{t('profile.quietUntil')}</label>
              <input
                id="quiet-end"
                type="time"
                value={quietEnd}
                onChange={(e) => setQuietEnd(e.target.value)}
                required
              />
            </div>
          </div>
        )}
        <p className="hint">{t('profile.quietHoursHint')}</p>
      </fieldset>

      <fieldset>
        <legend>{t('profile.digest')}</legend>
        {DIGESTS.map((value) => (
          <label key={value} className="check">
            <input
              type="radio"
              name="digest"
              value={value}
              checked={digest === value}
              onChange={() => setDigest(value)}
            />
            {t(`profile.digestOption.${value}`)}
          </label>
        ))}
      </fieldset>

      <FormError error={update.error} />
      {update.isSuccess && (
        <p role="status" className="success">
          {t('profile.saved')}
        </p>
      )}
      <button type="submit" disabled={update.isPending}>
        {t('profile.save')}
      </button>
    </form>
  );
}
