import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { type Submission, useEndorsements } from './submission-hooks';

/** Each co-drafting organisation and whether it has signed on (endorsed), required signers marked. */
export function EndorsementList({ submission }: { submission: Submission }) {
  const { t } = useTranslation();
  const format = useFormat();
  const endorsements = useEndorsements(submission.id);
  if (endorsements.isPending) return <LoadingState />;
  if (endorsements.error) return <ErrorState error={endorsements.error} retry={() => void endorsements.refetch()} />;
  const byOrganization = new Map(endorsements.data.items.map((e) => [e.organizationId, e]));
  return (
    <section className="panel" aria-labelledby="endorsements">
      <h2 id="endorsements">{t('submissions.endorsements')}</h2>
      <ul className="plain-list">
        {submission.partners.map((p) => {
          const endorsement = byOrganization.get(p.organizationId);
          return (
            <li key={p.organizationId}>
              <span translate="no">{p.acronym ?? p.name}</span>{' '}
              {p.requiredSigner && <span className="muted">({t('submissions.requiredSigner')})</span>}{' '}
              {endorsement ? (
                <span className="badge badge-done">
                  {t('submissions.endorsedOn', { date: format.date(endorsement.endorsedAt) })}
                </span>
              ) : (
                <span className="badge badge-todo">{t('submissions.notEndorsed')}</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
