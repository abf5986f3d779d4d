import { fieldProblems } from '../api/refusals';

/** The server's note on one field, in the reader's language, to sit under it (tie it with `aria-describedby`). */
export function FieldNote({ id, error, field }: { id: string; error: unknown; field: string }) {
  const text = fieldProblems(error)[field];
  if (!text) return null;
  return (
    <p id={id} className="form-error field-note">
      {text}
    </p>
  );
}

/** The input attributes that tie a field to its note when the server found a problem with it. */
export function fieldNoteProps(id: string, error: unknown, field: string, describedBy?: string) {
  const invalid = Boolean(fieldProblems(error)[field]);
  const ids = [describedBy, invalid ? id : undefined].filter(Boolean).join(' ');
  return { 'aria-invalid': invalid, 'aria-describedby': ids || undefined };
}
