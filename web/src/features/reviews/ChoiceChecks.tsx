/** A record to tick: an organisation (named with its acronym), a submission or a call. */
export interface Choice {
  id: string;
  name: string;
  acronym?: string | null;
}

/** Records to tick, as a labelled group; `problem` is the server's word on the field, shown under it. */
export function ChoiceChecks(props: {
  id: string;
  legend: string;
  hint?: string;
  choices: Choice[];
  value: string[];
  change: (ids: string[]) => void;
  problem?: string;
}) {
  const { id, value, change, problem } = props;
  const toggle = (orgId: string, on: boolean) => change(on ? [...value, orgId] : value.filter((v) => v !== orgId));
  const described = [props.hint && `${id}-hint`, problem && `${id}-problem`].filter(Boolean).join(' ');
  return (
    <fieldset id={id} className="choice-checks" aria-describedby={described || undefined}>
      <legend>{props.legend}</legend>
      {props.hint && (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      <div className="check-columns">
        {props.choices.map((o) => (
          <label key={o.id} className="check">
            <input type="checkbox" checked={value.includes(o.id)} onChange={(e) => toggle(o.id, e.target.checked)} />{' '}
            <span translate="no">{o.acronym ? `${o.name} (${o.acronym})` : o.name}</span>
          </label>
        ))}
      </div>
      {problem && (
        <p className="form-error" id={`${id}-problem`}>
          {problem}
        </p>
      )}
    </fieldset>
  );
}
