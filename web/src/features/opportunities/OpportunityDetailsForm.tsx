import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/states';
import { CurrencyInput } from './CurrencyInput';
import { type Opportunity, type OpportunityChanges, useUpdateOpportunity } from './opportunity-hooks';
import { isoToZoned, zonedToIso } from './zoned-time';

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** Coordinators change a call's details; the closing date, read in their zone, drives its external deadline. */
export function OpportunityDetailsForm(props: { opportunity: Opportunity; zone: string; done: () => void }) {
  const { opportunity: o, zone, done } = props;
  const { t } = useTranslation();
  const update = useUpdateOpportunity(o.id);
  const [title, setTitle] = useState(o.title);
  const [callReference, setCallReference] = useState(o.callReference ?? '');
  const [url, setUrl] = useState(o.url ?? '');
  const [description, setDescription] = useState(o.description ?? '');
  const [amountMin, setAmountMin] = useState(o.amountMin ?? '');
  const [amountMax, setAmountMax] = useState(o.amountMax ?? '');
  const [currency, setCurrency] = useState(o.currency ?? '');
  const [closesAt, setClosesAt] = useState(o.closesAt ? isoToZoned(o.closesAt, zone) : '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: OpportunityChanges = {
      title: title.trim(),
      callReference: orNull(callReference),
      url: orNull(url),
      description: orNull(description),
      amountMin: orNull(amountMin),
      amountMax: orNull(amountMax),
      currency: orNull(currency)?.toUpperCase() ?? null,
      closesAt: closesAt ? zonedToIso(closesAt, zone) : null,
    };
    update.mutate(body, { onSuccess: done });
  };

  return (
    <form className="form" onSubmit={submit} aria-labelledby="edit-details">
      <h3 id="edit-details">{t('consortium.editDetails')}</h3>
      <label htmlFor="o-title">{t('consortium.title')}</label>
      <input id="o-title" required maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} />
      <label htmlFor="o-ref">{t('opportunities.callReference')}</label>
      <input id="o-ref" value={callReference} onChange={(e) => setCallReference(e.target.value)} />
      <label htmlFor="o-url">{t('consortium.callLink')}</label>
      <input id="o-url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} />
      <label htmlFor="o-description">{t('consortium.description')}</label>
      <textarea id="o-description" rows={4} value={description} onChange={(e) => setDescription(e.target.value)} />
      <div className="inline-fields">
        <div>
          <label htmlFor="o-min">{t('consortium.amountMin')}</label>
          <input id="o-min" inputMode="decimal" value={amountMin} onChange={(e) => setAmountMin(e.target.value)} />
        </div>
        <div>
          <label htmlFor="o-max">{t('consortium.amountMax')}</label>
          <input id="o-max" inputMode="decimal" value={amountMax} onChange={(e) => setAmountMax(e.target.value)} />
        </div>
        <CurrencyInput id="o-currency" value={currency} onChange={setCurrency} />
      </div>
      <label htmlFor="o-closes">{t('consortium.closesAt', { zone })}</label>
      <input
        id="o-closes"
        type="datetime-local"
        value={closesAt}
        aria-describedby="o-closes-hint"
        onChange={(e) => setClosesAt(e.target.value)}
      />
      <p id="o-closes-hint" className="hint">
        {t('consortium.closesAtHint')}
      </p>
      <FormError error={update.error} />
      <div className="toolbar">
        <button type="submit" disabled={update.isPending}>
          {update.isPending ? t('consortium.saving') : t('consortium.save')}
        </button>
        <button type="button" className="button-secondary" onClick={done}>
          {t('consortium.cancel')}
        </button>
      </div>
    </form>
  );
}
