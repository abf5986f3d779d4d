import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/states';
import { DOCUMENT_KINDS, type DocumentKind, useAddOrganizationDocument } from './document-hooks';
import { UploadProgress } from './UploadProgress';

/** Uploads an organisation document with its kind, title and last valid day. */
export function OrganizationDocumentForm({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const add = useAddOrganizationDocument(organizationId);
  const [kind, setKind] = useState<DocumentKind>('registration_certificate');
  const [title, setTitle] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const prefix = `doc-${organizationId}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) return;
    add.mutate(
      { body: { kind, title: title.trim(), expiresOn: expiresOn || null }, file },
      {
        onSuccess: () => {
          setTitle('');
          setExpiresOn('');
          if (fileInput.current) fileInput.current.value = '';
        },
      },
    );
  };
  return (
    <form className="form subform" onSubmit={submit} aria-labelledby={`${prefix}-heading`}>
      <h4 id={`${prefix}-heading`}>{t('consortium.addDocument')}</h4>
      <label htmlFor={`${prefix}-kind`}>{t('consortium.documentKind')}</label>
      <select id={`${prefix}-kind`} value={kind} onChange={(e) => setKind(e.target.value as DocumentKind)}>
        {DOCUMENT_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`consortium.kind.${k}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${prefix}-title`}>{t('consortium.title')}</label>
      <input id={`${prefix}-title`} required maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} />
      <label htmlFor={`${prefix}-expires`}>{t('consortium.expiresOn')}</label>
      <input id={`${prefix}-expires`} type="date" value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} />
      <label htmlFor={`${prefix}-file`}>{t('consortium.file')}</label>
      <input
        id={`${prefix}-file`}
        ref={fileInput}
        type="file"
        required
        accept=".pdf,.docx,.xlsx,.odt,.png,.jpg,.jpeg"
      />
      {add.isPending && <UploadProgress fraction={add.progress} />}
      <FormError error={add.error} />
      <button type="submit" disabled={add.isPending}>
        {add.isPending ? t('opportunities.uploading') : t('consortium.uploadDocument')}
      </button>
    </form>
  );
}
