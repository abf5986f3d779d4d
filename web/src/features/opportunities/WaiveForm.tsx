import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Coordinators waive an item only with a reason, kept on the item and in its history. */
export function WaiveForm(props: {
  itemTitle: string;
  pending: boolean;
  waive: (reason: string) => void;
  cancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim()) props.waive(reason.trim());
  };
  return (
    <form className="form subform" onSubmit={submit}>
      <label htmlFor={id}>
        {t('consortium.waiveReason')}
        <span className="visually-hidden" translate="no">{`: ${props.itemTitle}`}</span>
      </label>
      <textarea
        id={id}
        ref={field}
        required
        rows={2}
        maxLength={1000}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="toolbar">
        <button type="submit" disabled={props.pending || !reason.trim()}>
          {t('consortium.waive')}
        </button>
        <button type="button" className="button-secondary" onClick={props.cancel}>
          {t('consortium.cancel')}
        </button>
      </div>
    </form>
  );
}
