import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';

interface Props {
  /** What is paged, for screen readers (e.g. "Pages of submissions"). */
  label: string;
  offset: number;
  pageSize: number;
  total: number;
  onOffset: (offset: number) => void;
}

/** Previous / "21–40 of 75" / Next under a list that has more than one page; nothing otherwise. */
export function Pager({ label, offset, pageSize, total, onOffset }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  if (total <= pageSize) return null;
  return (
    <nav className="pager" aria-label={label}>
      <button
        type="button"
        className="button-secondary"
        disabled={offset === 0}
        onClick={() => onOffset(Math.max(0, offset - pageSize))}
      >
        {t('common.previous')}
      </button>
      <span>
        {t('common.range', {
          from: format.number(offset + 1),
          to: format.number(Math.min(offset + pageSize, total)),
          total: format.number(total),
        })}
      </span>
      <button
        type="button"
        className="button-secondary"
        disabled={offset + pageSize >= total}
        onClick={() => onOffset(offset + pageSize)}
      >
        {t('common.next')}
      </button>
    </nav>
  );
}
