import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../components/states';
import { useAssignablePeople } from './deadline-form-hooks';

/** Optional assignees as checkboxes; reminders go to them as well as the record's owner and contacts. */
export function AssigneeFields(props: { value: string[]; change: (ids: string[]) => void; problem?: string }) {
  const { value, change, problem } = props;
  const { t } = useTranslation();
  const people = useAssignablePeople();
  const toggle = (id: string, on: boolean) => change(on ? [...value, id] : value.filter((v) => v !== id));
  return (
    <fieldset>
      <legend>{t('deadline-form.assignees')}</legend>
      <p className="hint">{t('deadline-form.assigneesHint')}</p>
      {people.isPending ? (
        <LoadingState />
      ) : people.error ? (
        <ErrorState error={people.error} retry={() => void people.refetch()} />
      ) : (
        <div className="assignee-list">
          {people.data.map((person) => (
            <label key={person.id} className="check">
              <input
                type="checkbox"
                checked={value.includes(person.id)}
                onChange={(e) => toggle(person.id, e.target.checked)}
              />{' '}
              <span translate="no">{person.name}</span>
            </label>
          ))}
        </div>
      )}
      {problem && <p className="form-error field-error">{problem}</p>}
    </fieldset>
  );
}
