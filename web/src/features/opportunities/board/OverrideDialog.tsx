import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  /** Why the move was refused, in the reader's language. */
  refusal: React.ReactNode;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
  /** The dialog's heading and the reason's label, when not the board's "submit although…". */
  heading?: string;
  reasonLabel?: string;
}

/** A coordinator's override of a refused submit: the server keeps the reason in the activity log. */
export function OverrideDialog(props: Props) {
  const { title, refusal, onConfirm, onCancel, heading, reasonLabel } = props;
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="override-title" onCancel={onCancel}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (reason.trim()) onConfirm(reason.trim());
        }}
      >
        <h2 id="override-title">{heading ?? t('board.overrideTitle')}</h2>
        <p translate="no">{title}</p>
        <div className="form-error">{refusal}</div>
        <label htmlFor="override-reason">{reasonLabel ?? t('board.overrideReason')}</label>
        <textarea id="override-reason" required value={reason} onChange={(e) => setReason(e.target.value)} />
        <div className="form-actions">
          <button type="submit">{t('board.overrideConfirm')}</button>
          <button type="button" className="button-secondary" onClick={onCancel}>
            {t('board.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
