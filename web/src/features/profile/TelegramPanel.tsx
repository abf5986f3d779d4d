import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/states';
import type { Me } from '../auth/session-hooks';
import { useTelegramLink, useUnlinkTelegram } from './profile-hooks';

/** Link a Telegram chat for reminders: a one-time code to send to the bot (or a t.me link that sends it). */
export function TelegramPanel({ me }: { me: Me }) {
  const { t } = useTranslation();
  const link = useTelegramLink();
  const unlink = useUnlinkTelegram();
  return (
    <section className="panel" aria-labelledby="telegram">
      <h2 id="telegram">{t('profile.telegram')}</h2>
      {!me.channels.telegram && !me.telegramLinked ? (
        <p>{t('profile.telegramNotSetUp')}</p>
      ) : me.telegramLinked ? (
        <>
          <p>{t('profile.telegramLinked')}</p>
          <button
            type="button"
            className="button-secondary"
            onClick={() => unlink.mutate()}
            disabled={unlink.isPending}
          >
            {t('profile.telegramUnlink')}
          </button>
        </>
      ) : link.data ? (
        <div role="status">
          <p>{t('profile.telegramSendCode')}</p>
          <p>
            <code translate="no" className="secret">
              {link.data.startCommand}
            </code>
          </p>
          {link.data.url && (
            <a className="button" href={link.data.url} target="_blank" rel="noreferrer">
              {t('profile.telegramOpen')}
            </a>
          )}
        </div>
      ) : (
        <>
          <p>{t('profile.telegramIntro')}</p>
          <button type="button" onClick={() => link.mutate()} disabled={link.isPending}>
            {t('profile.telegramLink')}
          </button>
        </>
      )}
      <FormError error={link.error ?? unlink.error} />
    </section>
  );
}
