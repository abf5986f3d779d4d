import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/states';
import { useAddSection } from './page-hooks';
import type { MentionCandidate } from '../submission-hooks';

/** A new section at the end of the outline, optionally assigned to someone at once. */
export function AddSectionForm(props: { submissionId: string; people: MentionCandidate[]; onAdded?: () => void }) {
  const { submissionId, people, onAdded } = props;
  const { t } = useTranslation();
  const add = useAddSection(submissionId);
  const [title, setTitle] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    const sent = { title, assigneeId };
    add.mutate(
      { title: title.trim(), ...(assigneeId ? { assigneeId } : {}) },
      {
        // The outline refreshes before this runs; whatever was typed since then is the next section's, so it stays.
        onSuccess: () => {
          setTitle((current) => (current === sent.title ? '' : current));
          setAssigneeId((current) => (current === sent.assigneeId ? '' : current));
          onAdded?.();
        },
      },
    );
  };
  return (
    <form className="form add-section" onSubmit={submit} aria-labelledby="add-section">
      <h3 id="add-section">{t('submission-page.sections.add')}</h3>
      <div className="inline-fields">
        <div>
          <label htmlFor="new-section-title">{t('submission-page.sections.title')}</label>
          <input
            id="new-section-title"
            required
            maxLength={300}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <div>
          <label htmlFor="new-section-assignee">{t('submission-page.sections.assignee')}</label>
          <select id="new-section-assignee" value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
            <option value="">{t('submissions.unassigned')}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id} translate="no">
                {p.organization ? `${p.name} (${p.organization.acronym ?? p.organization.name})` : p.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <FormError error={add.error} />
      <button type="submit" disabled={add.isPending}>
        {add.isPending ? t('submission-page.saving') : t('submission-page.sections.addButton')}
      </button>
    </form>
  );
}
