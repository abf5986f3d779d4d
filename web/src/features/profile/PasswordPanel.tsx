import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldNote, fieldNoteProps } from '../../components/FieldNote';
import { FormError } from '../../components/states';
import { useChangePassword } from './account-hooks';

/** Changing one's password, which signs out every other device and revokes API tokens (the form says so). */
export function PasswordPanel() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  return (
    <section className="panel" aria-labelledby="password-title">
      <h2 id="password-title">{t('account.passwordTitle')}</h2>
      <p className="hint">{t('account.passwordHint')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          change.mutate(
            { currentPassword, newPassword },
            {
              onSuccess: () => {
                setCurrent('');
                setNew('');
              },
            },
          );
        }}
      >
        <label htmlFor="current-password">{t('account.currentPassword')}</label>
        <input
          id="current-password"
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(e) => setCurrent(e.target.value)}
          {...fieldNoteProps('current-password-note', change.error, 'currentPassword')}
        />
        <FieldNote id="current-password-note" error={change.error} field="currentPassword" />
        <label htmlFor="new-password">{t('account.newPassword')}</label>
        <input
          id="new-password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          value={newPassword}
          onChange={(e) => setNew(e.target.value)}
          {...fieldNoteProps('new-password-note', change.error, 'newPassword', 'new-password-rule')}
        />
        <p id="new-password-rule" className="hint">
          {t('account.passwordRule')}
        </p>
        <FieldNote id="new-password-note" error={change.error} field="newPassword" />
        <FormError error={change.error} />
        <p role="status" className="success">
          {change.isSuccess ? t('account.passwordChanged') : ''}
        </p>
        <button type="submit" className="button" disabled={change.isPending}>
          {t('account.changePassword')}
        </button>
      </form>
    </section>
  );
}
