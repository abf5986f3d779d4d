import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldNote, fieldNoteProps } from '../../components/FieldNote';
import { FormError } from '../../components/states';

interface Props {
  onSubmit: (password: string) => void;
  pending: boolean;
  error: unknown;
}

/** Choosing a password, typed twice (an invitation's and a reset link's page). */
export function NewPasswordForm({ onSubmit, pending, error }: Props) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const mismatch = repeat.length > 0 && password !== repeat;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!mismatch) onSubmit(password);
  };
  return (
    <form onSubmit={submit}>
      <p className="hint">{t('auth.passwordHint')}</p>
      <label htmlFor="new-password">{t('auth.newPassword')}</label>
      <input
        id="new-password"
        type="password"
        autoComplete="new-password"
        minLength={8}
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        {...fieldNoteProps('new-password-note', error, 'password')}
      />
      <FieldNote id="new-password-note" error={error} field="password" />
      <label htmlFor="repeat-password">{t('auth.repeatPassword')}</label>
      <input
        id="repeat-password"
        type="password"
        autoComplete="new-password"
        required
        aria-invalid={mismatch}
        aria-describedby={mismatch ? 'mismatch' : undefined}
        value={repeat}
        onChange={(e) => setRepeat(e.target.value)}
      />
      {mismatch && (
        <p id="mismatch" className="form-error">
          {t('auth.passwordsDiffer')}
        </p>
      )}
      <FormError error={error} />
      <button type="submit" disabled={pending || mismatch}>
        {t('auth.setPassword')}
      </button>
    </form>
  );
}
