import { useTranslation } from 'react-i18next';
import { TimeZoneInput } from '../../components/TimeZoneInput';
import { AssigneeFields } from './AssigneeFields';
import { COMMON_OFFSETS, type DeadlineDraft } from './deadline-draft';
import './calendar.css';

/** A problem the server named for one field, tied to its input by `aria-describedby`. */
function Problem({ id, text }: { id: string; text?: string }) {
  if (!text) return null;
  return (
    <p id={id} className="form-error field-error">
      {text}
    </p>
  );
}

/** The fields shared by the new-deadline and edit forms; `problems` are the server's, by field. */
export function DeadlineFields(props: {
  draft: DeadlineDraft;
  change: (changes: Partial<DeadlineDraft>) => void;
  problems: Record<string, string>;
}) {
  const { draft, change, problems } = props;
  const { t } = useTranslation();
  const described = (field: string) => (problems[field] ? `df-${field}-error` : undefined);
  const dueProblem = problems.dueDate ?? problems.dueAt;
  const toggleOffset = (offset: string, on: boolean) =>
    change({
      reminderOffsets: on
        ? COMMON_OFFSETS.filter((o) => o === offset || draft.reminderOffsets.includes(o))
        : draft.reminderOffsets.filter((o) => o !== offset),
    });
  return (
    <>
      <label htmlFor="df-title">{t('deadline-form.title')}</label>
      <input
        id="df-title"
        required
        maxLength={300}
        value={draft.title}
        aria-invalid={Boolean(problems.title)}
        aria-describedby={described('title')}
        onChange={(e) => change({ title: e.target.value })}
      />
      <Problem id="df-title-error" text={problems.title} />
      <fieldset>
        <legend>{t('deadline-form.kind')}</legend>
        {(['external', 'internal'] as const).map((kind) => (
          <label key={kind} className="check">
            <input type="radio" name="df-kind" checked={draft.kind === kind} onChange={() => change({ kind })} />{' '}
            {t(`deadline-form.kindHint.${kind}`)}
          </label>
        ))}
        <Problem id="df-kind-error" text={problems.kind} />
      </fieldset>
      <fieldset>
        <legend>{t('deadline-form.due')}</legend>
        <label className="check">
          <input type="radio" name="df-when" checked={draft.dateOnly} onChange={() => change({ dateOnly: true })} />{' '}
          {t('deadline-form.wholeDay')}
        </label>
        <label className="check">
          <input type="radio" name="df-when" checked={!draft.dateOnly} onChange={() => change({ dateOnly: false })} />{' '}
          {t('deadline-form.atTime')}
        </label>
        <div className="inline-fields">
          <div>
            <label htmlFor="df-date">{t('deadline-form.date')}</label>
            <input
              id="df-date"
              type="date"
              required
              value={draft.date}
              aria-invalid={Boolean(dueProblem)}
              aria-describedby={dueProblem ? 'df-due-error' : undefined}
              onChange={(e) => change({ date: e.target.value })}
            />
          </div>
          {!draft.dateOnly && (
            <div>
              <label htmlFor="df-time">{t('deadline-form.time')}</label>
              <input
                id="df-time"
                type="time"
                required
                value={draft.time}
                onChange={(e) => change({ time: e.target.value })}
              />
            </div>
          )}
        </div>
        <Problem id="df-due-error" text={dueProblem} />
        <label htmlFor="df-zone">{t('deadline-form.timeZone')}</label>
        <TimeZoneInput
          id="df-zone"
          value={draft.timeZone}
          invalid={Boolean(problems.timeZone)}
          describedBy={described('timeZone')}
          onChange={(timeZone) => change({ timeZone })}
        />
        <Problem id="df-timeZone-error" text={problems.timeZone} />
      </fieldset>
      <fieldset>
        <legend>{t('deadline-form.remindBefore')}</legend>
        {COMMON_OFFSETS.map((offset) => (
          <label key={offset} className="check">
            <input
              type="checkbox"
              checked={draft.reminderOffsets.includes(offset)}
              onChange={(e) => toggleOffset(offset, e.target.checked)}
            />{' '}
            {t(`deadline-form.offset.${offset}`)}
          </label>
        ))}
        <Problem id="df-reminderOffsets-error" text={problems.reminderOffsets} />
        <label className="check">
          <input
            type="checkbox"
            checked={draft.overdueReminder}
            onChange={(e) => change({ overdueReminder: e.target.checked })}
          />{' '}
          {t('deadline-form.overdueReminder')}
        </label>
      </fieldset>
      <AssigneeFields
        value={draft.assigneeIds}
        change={(assigneeIds) => change({ assigneeIds })}
        problem={problems.assigneeIds}
      />
    </>
  );
}
