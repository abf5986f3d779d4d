import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';

/** How much of a file has been sent, for eyes and for screen readers. */
export function UploadProgress({ fraction }: { fraction: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const percent = Math.round(fraction * 100);
  return (
    <p className="upload-progress" role="status">
      <progress max={100} value={percent} aria-label={t('consortium.uploadProgress')} />{' '}
      {t('consortium.percentSent', { percent: format.number(percent) })}
    </p>
  );
}
