import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { useNarrow } from '../../deadlines/use-narrow';
import { SubmissionDetailsForm } from './SubmissionDetailsForm';
import type { Submission } from '../submission-hooks';

/** What the submission is and its limits; the lead organisation and coordinators change it. */
export function SubmissionDetails({ submission: s, canRun }: { submission: Submission; canRun: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const narrow = useNarrow();
  const words = s.wordCount;
  return (
    <section className="panel" aria-labelledby="about">
      <div className="panel-head">
        <h2 id="about">{t('submissions.about')}</h2>
        {canRun && !editing && (
          <button type="button" className="button-secondary" onClick={() => setEditing(true)}>
            {t('submission-page.details.edit')}
          </button>
        )}
      </div>
      {editing ? (
        <SubmissionDetailsForm submission={s} done={() => setEditing(false)} />
      ) : (
        <dl className="facts">
          <div>
            <dt>{t('submissions.targetBody')}</dt>
            <dd translate="no">{s.targetBody}</dd>
          </div>
          <div>
            <dt>{t('submissions.kind')}</dt>
            <dd>{t(`submissions.kinds.${s.kind}`)}</dd>
          </div>
          {s.leadOrganization && (
            <div>
              <dt>{t('submissions.lead')}</dt>
              <dd translate="no">{s.leadOrganization.name}</dd>
            </div>
          )}
          {s.sessionReference && (
            <div>
              <dt>{t('submission-page.fields.sessionReference')}</dt>
              <dd translate="no">{s.sessionReference}</dd>
            </div>
          )}
          <div>
            <dt>{t('submissions.words')}</dt>
            <dd className={words.overWordLimit ? 'warning' : undefined}>
              {words.wordLimit
                ? t('submissions.wordsOfLimit', {
                    count: words.total,
                    words: format.number(words.total),
                    limit: format.number(words.wordLimit),
                  })
                : format.number(words.total)}
              {words.overWordLimit && <> — {t('submission-page.details.overLimit')}</>}
            </dd>
          </div>
          {words.pageLimit && (
            <div>
              <dt>{t('submission-page.fields.pageLimit')}</dt>
              <dd className={words.overPageLimit ? 'warning' : undefined}>
                {t('submission-page.details.pagesOfLimit', {
                  pages: format.number(words.pageEstimate),
                  limit: format.number(words.pageLimit),
                })}
              </dd>
            </div>
          )}
        </dl>
      )}
      {!editing && (
        <MoreFacts folded={narrow}>
          <dl className="facts">
            <div>
              <dt>{t('submission-page.fields.language')}</dt>
              <dd>
                {t(`submission-page.languageNames.${s.language}`, { defaultValue: '' }) || (
                  <span translate="no">{s.language}</span>
                )}
              </dd>
            </div>
            <div>
              <dt>{t('submission-page.fields.confidentiality')}</dt>
              <dd>{t(`submission-page.confidentiality.${s.confidentiality}`)}</dd>
            </div>
            <div>
              <dt>{t('submission-page.fields.visibility')}</dt>
              <dd>{t(`submission-page.visibility.${s.visibility}`)}</dd>
            </div>
            {s.channel && (
              <div>
                <dt>{t('submission-page.fields.channel')}</dt>
                <dd>
                  {t(`submission-page.channel.${s.channel}`)}
                  {s.channelAddress && (
                    <>
                      {': '}
                      <span translate="no" className="break-anywhere">
                        {s.channelAddress}
                      </span>
                    </>
                  )}
                </dd>
              </div>
            )}
            {s.callUrl && (
              <div>
                <dt>{t('submissions.call')}</dt>
                <dd>
                  <a href={s.callUrl} target="_blank" rel="noreferrer">
                    {t('submissions.openCall')}
                  </a>
                </dd>
              </div>
            )}
          </dl>
        </MoreFacts>
      )}
    </section>
  );
}

/** The facts read less often: folded on a phone behind "More details", shown as they are on a desk. */
function MoreFacts({ folded, children }: { folded: boolean; children: React.ReactNode }) {
  const { t } = useTranslation();
  if (!folded) return children;
  return (
    <details className="more-facts">
      <summary>{t('submission-page.details.more')}</summary>
      {children}
    </details>
  );
}
