import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganizationDocuments } from './document-hooks';

/** Points a checklist item at one of the owing organisation's documents instead of a new upload. */
export function ReuseDocument(props: {
  organizationId: string;
  currentId: string | null;
  itemTitle: string;
  pending: boolean;
  choose: (documentId: string | null) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const documents = useOrganizationDocuments(props.organizationId);
  // Those who may not open the organisation's documents (404) are not offered them.
  if (!documents.data || documents.data.items.length === 0) return null;
  return (
    <div className="reuse-document">
      <label htmlFor={id}>
        {t('consortium.useDocument')}
        <span className="visually-hidden" translate="no">{`: ${props.itemTitle}`}</span>
      </label>
      <select
        id={id}
        value={props.currentId ?? ''}
        disabled={props.pending}
        onChange={(e) => props.choose(e.target.value || null)}
      >
        <option value="">{t('consortium.noDocumentChosen')}</option>
        {documents.data.items.map((d) => (
          <option key={d.id} value={d.id} translate="no">
            {d.expired ? `${d.title} (${t('consortium.expired')})` : d.title}
          </option>
        ))}
      </select>
    </div>
  );
}
