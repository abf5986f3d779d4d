import { useTranslation } from 'react-i18next';
import type { AssessmentStatus } from './review-hooks';

/** A recommendation's status, in words and a colour. */
export function StatusBadge({ status }: { status: AssessmentStatus }) {
  const { t } = useTranslation();
  return <span className={`badge rs rs-${status}`}>{t(`reviews.status.${status}`)}</span>;
}
