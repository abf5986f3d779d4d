import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormError } from '../../../components/states';
import { useCreateCall } from './pipeline-hooks';

/** Records a grant call; its closing date becomes its deadline on the server. Opens the new call's page. */
export function NewCallForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateCall();
  const [title, setTitle] = useState('');
  const [closesOn, setClosesOn] = useState('');
  const [url, setUrl] = useState('');
  const [amountMax, setAmountMax] = useState('');
  const [currency, setCurrency] = useState('USD');
  const [visibility, setVisibility] = useState<'network' | 'participants'>('participants');
  return (
    <form
      className="panel new-call"
      aria-labelledby="new-call-title"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate(
          {
            title: title.trim(),
            visibility,
            ...(closesOn ? { closesAt: `${closesOn}T23:59:00+07:00` } : {}),
            ...(url.trim() ? { url: url.trim() } : {}),
            ...(amountMax ? { amountMax, currency } : {}),
          },
          { onSuccess: (created) => navigate(`/opportunities/${created.id}`) },
        );
      }}
    >
      <h2 id="new-call-title">{t('board.newCall')}</h2>
      <label htmlFor="call-title">{t('board.callTitle')}</label>
      <input id="call-title" value={title} required maxLength={300} onChange={(e) => setTitle(e.target.value)} />
      <div className="inline-fields">
        <div>
          <label htmlFor="call-closes">{t('board.closesOn')}</label>
          <input id="call-closes" type="date" value={closesOn} onChange={(e) => setClosesOn(e.target.value)} />
        </div>
        <div>
          <label htmlFor="call-amount">{t('board.amountMax')}</label>
          <input
            id="call-amount"
            inputMode="decimal"
            value={amountMax}
            onChange={(e) => setAmountMax(e.target.value.trim())}
          />
        </div>
        <div>
          <label htmlFor="call-currency">{t('board.currency')}</label>
          <input
            id="call-currency"
            value={currency}
            maxLength={3}
            onChange={(e) => setCurrency(e.target.value.toUpperCase())}
          />
        </div>
      </div>
      <label htmlFor="call-url">{t('board.callUrl')}</label>
      <input id="call-url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} />
      <fieldset>
        <legend>{t('board.visibility')}</legend>
        {(['participants', 'network'] as const).map((v) => (
          <label key={v} className="choice">
            <input type="radio" name="visibility" checked={visibility === v} onChange={() => setVisibility(v)} />{' '}
            {t(`board.visibilityOption.${v}`)}
          </label>
        ))}
      </fieldset>
      <p className="hint">{t('board.closesHint')}</p>
      <FormError error={create.error} />
      <div className="toolbar">
        <button type="submit" className="button" disabled={create.isPending || !title.trim()}>
          {t('board.create')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('board.cancel')}
        </button>
      </div>
    </form>
  );
}
