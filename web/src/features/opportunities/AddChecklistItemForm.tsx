import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/states';
import { useAddChecklistItem } from './checklist-hooks';

/** Coordinators add a document or task that a partner (or the whole consortium) owes. */
export function AddChecklistItemForm(props: { opportunityId: string; partnerId: string | null; owner: string }) {
  const { t } = useTranslation();
  const id = useId();
  const add = useAddChecklistItem(props.opportunityId);
  const [title, setTitle] = useState('');
  const [required, setRequired] = useState(true);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ title: title.trim(), required, partnerId: props.partnerId }, { onSuccess: () => setTitle('') });
  };
  return (
    <form className="add-item" onSubmit={submit}>
      <label htmlFor={`${id}-title`}>
        {t('consortium.newItem')}
        <span className="visually-hidden" translate="no">{` (${props.owner})`}</span>
      </label>
      <div className="inline-fields">
        <input id={`${id}-title`} required maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} />
        <label className="check">
          <input type="checkbox" checked={required} onChange={(e) => setRequired(e.target.checked)} />
          {t('opportunities.required')}
        </label>
        <button type="submit" className="button-secondary" disabled={add.isPending || !title.trim()}>
          {t('consortium.addItem')}
          <span className="visually-hidden" translate="no">{` (${props.owner})`}</span>
        </button>
      </div>
      <FormError error={add.error} />
    </form>
  );
}
