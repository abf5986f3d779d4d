import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { useMe } from '../auth/session-hooks';
import { daysLeft, EXPIRING_SOON_DAYS, type OrganizationDocument, useOrganizationDocuments } from './document-hooks';
import { OrganizationDocumentForm } from './OrganizationDocumentForm';

/** An organisation's recurring documents (registration, audited accounts, …) with their expiry, opened on demand. */
export function OrganizationDocuments({ organizationId, name }: { organizationId: string; name: string }) {
  const { t } = useTranslation();
  const me = useMe().data!;
  const [open, setOpen] = useState(false);
  const documents = useOrganizationDocuments(organizationId, open);
  return (
    <details className="org-documents" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>
        {t('consortium.documentsOf')} <span translate="no">{name}</span>
      </summary>
      {!open ? null : documents.isPending ? (
        <LoadingState />
      ) : documents.error ? (
        <ErrorState error={documents.error} retry={() => void documents.refetch()} />
      ) : (
        <>
          {documents.data.items.length === 0 ? (
            <EmptyState>{t('consortium.noDocuments')}</EmptyState>
          ) : (
            <ul className="plain-list">
              {documents.data.items.map((d) => (
                <DocumentLine key={d.id} document={d} />
              ))}
            </ul>
          )}
          {me.role !== 'viewer' && <OrganizationDocumentForm organizationId={organizationId} />}
        </>
      )}
    </details>
  );
}

function DocumentLine({ document: d }: { document: OrganizationDocument }) {
  const { t } = useTranslation();
  const format = useFormat();
  const left = d.expiresOn ? daysLeft(d.expiresOn) : null;
  return (
    <li className="document-line">
      {d.file ? (
        <a href={`/api/v1/organizations/${d.organizationId}/documents/${d.id}/file`} translate="no">
          {d.title}
        </a>
      ) : (
        <span translate="no">{d.title}</span>
      )}{' '}
      <span className="muted">{t(`consortium.kind.${d.kind}`)}</span>
      {d.expiresOn && (
        <>
          {' · '}
          {t('consortium.validUntil', { date: format.date(`${d.expiresOn}T12:00:00Z`, 'UTC') })}{' '}
          {d.expired || (left !== null && left < 0) ? (
            <span className="badge badge-expired">{t('consortium.expired')}</span>
          ) : left !== null && left <= EXPIRING_SOON_DAYS ? (
            <span className="badge badge-expiring">{t('consortium.expiringSoon', { count: left })}</span>
          ) : null}
        </>
      )}
    </li>
  );
}
