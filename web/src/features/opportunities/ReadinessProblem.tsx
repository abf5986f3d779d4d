import { Trans, useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';

/** One thing that blocks submission, in the reader's language; names and titles as written. */
export function ReadinessProblem({ problem }: { problem: components['schemas']['ReadinessProblemResponse'] }) {
  const { t } = useTranslation();
  const { code, params } = problem;
  return (
    <Trans
      i18nKey={`opportunities.blocker.${code}`}
      context={params.owner ? 'owner' : undefined}
      values={{ ...params, status: params.status ? t(`opportunities.partnerStatus.${params.status}`) : undefined }}
      components={{ data: <span translate="no" /> }}
    />
  );
}
