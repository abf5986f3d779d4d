import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState, ErrorState, FormError, LoadingState } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { type CreatedApiToken, useApiTokens, useCreateApiToken, useRevokeApiToken } from './account-hooks';

/** Personal API tokens for scripts: create one (its secret is shown once, to copy), see the others, revoke. */
export function ApiTokensPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const tokens = useApiTokens();
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const [name, setName] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [revoking, setRevoking] = useState<{ id: string; name: string } | null>(null);
  return (
    <section className="panel" aria-labelledby="tokens-title">
      <h2 id="tokens-title">{t('account.tokensTitle')}</h2>
      <p className="hint">{t('account.tokensHint')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate(
            { name: name.trim(), ...(expiresOn ? { expiresAt: `${expiresOn}T23:59:59+07:00` } : {}) },
            {
              onSuccess: (token) => {
                setCreated(token);
                setName('');
                setExpiresOn('');
              },
            },
          );
        }}
      >
        <label htmlFor="token-name">{t('account.tokenName')}</label>
        <input id="token-name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        <label htmlFor="token-expires">{t('account.tokenExpires')}</label>
        <input id="token-expires" type="date" value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} />
        <FormError error={create.error} />
        <button type="submit" className="button" disabled={create.isPending || !name.trim()}>
          {t('account.createToken')}
        </button>
      </form>
      {created && (
        <div className="secret" role="status">
          <label htmlFor="new-token">{t('account.newToken')}</label>
          <input id="new-token" readOnly value={created.token} translate="no" onFocus={(e) => e.target.select()} />
          <button type="button" onClick={() => void navigator.clipboard.writeText(created.token)}>
            {t('account.copyToken')}
          </button>
        </div>
      )}
      {tokens.isPending ? (
        <LoadingState />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} retry={() => void tokens.refetch()} />
      ) : tokens.data.items.length === 0 ? (
        <EmptyState>{t('account.noTokens')}</EmptyState>
      ) : (
        <ul className="plain-list">
          {tokens.data.items.map((token) => (
            <li key={token.id} className="card">
              <div className="card-head">
                <span className="card-title" translate="no">
                  {token.name}
                </span>
                <button
                  type="button"
                  className="button-secondary"
                  disabled={revoke.isPending}
                  aria-label={t('account.revokeToken', { name: token.name })}
                  onClick={() => setRevoking({ id: token.id, name: token.name })}
                >
                  {t('account.revoke')}
                </button>
              </div>
              <p className="card-meta">
                <span translate="no">{token.prefix}…</span> ·{' '}
                {token.expiresAt ? t('account.expires', { date: format.date(token.expiresAt) }) : t('account.noExpiry')}{' '}
                ·{' '}
                {token.lastUsedAt
                  ? t('account.lastUsed', { date: format.date(token.lastUsedAt) })
                  : t('account.neverUsed')}
              </p>
            </li>
          ))}
        </ul>
      )}
      <FormError error={revoke.error} />
      {revoking && (
        <ConfirmDialog
          title={t('account.revokeConfirmTitle')}
          confirmLabel={t('account.revoke')}
          pending={revoke.isPending}
          onCancel={() => setRevoking(null)}
          onConfirm={() => revoke.mutate(revoking.id, { onSettled: () => setRevoking(null) })}
        >
          <p>
            <Trans
              i18nKey="account.revokeConfirmBody"
              values={{ name: revoking.name }}
              components={{ data: <span translate="no" /> }}
            />
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
