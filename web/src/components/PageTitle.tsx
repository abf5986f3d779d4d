import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's heading, also shown in the browser tab. */
/** `isData`: the heading is a record's own title, not interface text (kept as written, not translated). */
export function PageTitle({ children, eyebrow, isData }: { children: string; eyebrow?: string; isData?: boolean }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${children} · ${t('common.appName')}`;
  }, [children, t]);
  return (
    <div className="page-title">
      {eyebrow && <p className="eyebrow">{eyebrow}</p>}
      <h1 tabIndex={-1} translate={isData ? 'no' : undefined}>
        {children}
      </h1>
    </div>
  );
}
