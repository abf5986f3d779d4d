import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { dayIso, type Review } from './review-hooks';

/** A review's symbol, adoption day and number of recommendations, as entries of a `facts` list. */
export function ReviewSummaryFacts({ review: r }: { review: Review }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      {r.symbol && (
        <div>
          <dt>{t('reviews.fields.symbol')}</dt>
          <dd translate="no">{r.symbol}</dd>
        </div>
      )}
      {r.adoptedOn && (
        <div>
          <dt>{t('reviews.fields.adoptedOn')}</dt>
          <dd>
            <time dateTime={r.adoptedOn}>{format.date(dayIso(r.adoptedOn), 'UTC')}</time>
          </dd>
        </div>
      )}
      <div>
        <dt>{t('reviews.fields.recommendations')}</dt>
        <dd>{format.number(r.recommendationCount)}</dd>
      </div>
    </>
  );
}
