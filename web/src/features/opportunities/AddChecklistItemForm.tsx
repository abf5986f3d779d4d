import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/states';
import { useAddChecklistItem } from './checklist-hooks';

/**
 * Coordinators add a document or task that a partner (or the whole consortium) owes. The form stays
 * behind an "Add item" button until asked for: opening it moves focus into it, and Escape or Cancel
 * closes it and gives focus back to the button. After an item is added it stays open for the next.
 */
export function AddChecklistItemForm(props: { opportunityId: string; partnerId: string | null; owner: string }) {
  const { t } = useTranslation();
  const id = useId();
  const add = useAddChecklistItem(props.opportunityId);
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [required, setRequired] = useState(true);
  const opener = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (open) input.current?.focus();
    else if (wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const close = () => {
    setOpen(false);
    setTitle('');
    add.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const sent = title;
    add.mutate(
      { title: title.trim(), required, partnerId: props.partnerId },
      {
        onSuccess: () => {
          // Text typed for the next item while this one was saving stays.
          setTitle((now) => (now === sent ? '' : now));
          input.current?.focus();
        },
      },
    );
  };
  const owner = <span className="visually-hidden" translate="no">{` (${props.owner})`}</span>;

  if (!open)
    return (
      <button ref={opener} type="button" className="button-secondary add-item-open" onClick={() => setOpen(true)}>
        {t('consortium.addItem')}
        {owner}
      </button>
    );
  return (
    <form
      className="add-item"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          close();
        }
      }}
    >
      <label htmlFor={`${id}-title`}>
        {t('consortium.newItem')}
        {owner}
      </label>
      <div className="inline-fields">
        <input
          ref={input}
          id={`${id}-title`}
          required
          maxLength={300}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <label className="check">
          <input type="checkbox" checked={required} onChange={(e) => setRequired(e.target.checked)} />
          {t('opportunities.required')}
        </label>
      </div>
      <FormError error={add.error} />
      <div className="item-actions">
        <button type="submit" className="button-secondary" disabled={add.isPending || !title.trim()}>
          {t('consortium.saveItem')}
          {owner}
        </button>
        <button type="button" className="button-secondary" onClick={close}>
          {t('consortium.cancel')}
        </button>
      </div>
    </form>
  );
}
