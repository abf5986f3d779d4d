import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** Why the link is shown here instead of being e-mailed, in the reader's language. */
  reason: string;
  /** The field's label (names in it marked `translate="no"`). */
  label: React.ReactNode;
  url: string;
}

/** A link the server could not send, to copy and hand over by another way (a chat, a call). */
export function CopyableLink({ reason, label, url }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div className="secret copy-link" role="status">
      <p>{reason}</p>
      <label htmlFor={id}>{label}</label>
      <input id={id} readOnly value={url} translate="no" onFocus={(e) => e.target.select()} />
      <button
        type="button"
        onClick={() =>
          void navigator.clipboard?.writeText(url).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {t('common.copyLink')}
      </button>
      <span aria-live="polite">{copied ? t('common.copied') : ''}</span>
    </div>
  );
}
