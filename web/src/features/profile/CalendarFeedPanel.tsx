import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorState, FormError, LoadingState } from '../../components/states';
import { useCalendarFeed, useRegenerateCalendarFeed } from './profile-hooks';

/** The secret address of the user's deadlines as a calendar, to copy into the calendar they already use. */
export function CalendarFeedPanel() {
  const { t } = useTranslation();
  const feed = useCalendarFeed();
  const regenerate = useRegenerateCalendarFeed();
  const [copied, setCopied] = useState(false);
  const [regenerating, setRegenerating] = useState(false);
  const copy = async (url: string) => {
    await navigator.clipboard.writeText(url);
    setCopied(true);
  };
  return (
    <section className="panel" aria-labelledby="calendar-feed">
      <h2 id="calendar-feed">{t('profile.calendar')}</h2>
      <p>{t('profile.calendarIntro')}</p>
      {feed.isPending ? (
        <LoadingState />
      ) : feed.error ? (
        <ErrorState error={feed.error} retry={() => void feed.refetch()} />
      ) : (
        <>
          <label htmlFor="feed-url">{t('profile.calendarUrl')}</label>
          <input id="feed-url" readOnly value={feed.data.url} translate="no" onFocus={(e) => e.target.select()} />
          <div className="item-actions">
            <button type="button" onClick={() => void copy(feed.data.url)}>
              {t('profile.copy')}
            </button>
            <a className="button button-secondary" href={feed.data.webcalUrl}>
              {t('profile.subscribe')}
            </a>
            <button
              type="button"
              className="button-secondary"
              onClick={() => setRegenerating(true)}
              disabled={regenerate.isPending}
            >
              {t('profile.regenerate')}
            </button>
          </div>
          <p role="status" className="success">
            {copied ? t('profile.copied') : regenerate.isSuccess ? t('profile.regenerated') : ''}
          </p>
          <FormError error={regenerate.error} />
          {regenerating && (
            <ConfirmDialog
              title={t('profile.regenerateConfirmTitle')}
              confirmLabel={t('profile.regenerate')}
              pending={regenerate.isPending}
              onCancel={() => setRegenerating(false)}
              onConfirm={() => regenerate.mutate(undefined, { onSettled: () => setRegenerating(false) })}
            >
              <p>{t('profile.regenerateConfirm')}</p>
            </ConfirmDialog>
          )}
        </>
      )}
    </section>
  );
}
