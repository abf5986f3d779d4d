import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOpportunityList } from '../opportunities/board/board-hooks';
import { useSubmissionList } from '../submissions/page/page-hooks';
import type { RecommendationDetail } from './review-hooks';

/** The submissions and calls a recommendation links to, by their titles (those the reader may see). */
export function RecommendationLinks({ recommendation: r }: { recommendation: RecommendationDetail }) {
  const { t } = useTranslation();
  const submissions = useSubmissionList({ limit: 100 });
  const opportunities = useOpportunityList({ limit: 100 });
  const linked = (
    ids: string[],
    items: { id: string; title: string }[] | undefined,
    path: string,
  ): { id: string; title: string; path: string }[] =>
    ids.flatMap((id) => {
      const item = items?.find((x) => x.id === id);
      return item ? [{ id, title: item.title, path: `${path}/${id}` }] : [];
    });
  const rows: [string, { id: string; title: string; path: string }[]][] = [
    [
      t('reviews.fields.submissions'),
      linked(
        r.submissionLinks.map((l) => l.submissionId),
        submissions.data?.items,
        '/submissions',
      ),
    ],
    [t('reviews.fields.opportunities'), linked(r.opportunityIds, opportunities.data?.items, '/opportunities')],
  ];
  return rows
    .filter(([, links]) => links.length > 0)
    .map(([label, links]) => (
      <div key={label}>
        <dt>{label}</dt>
        <dd>
          <ul className="plain-list">
            {links.map((l) => (
              <li key={l.id}>
                <Link to={l.path} translate="no">
                  {l.title}
                </Link>
              </li>
            ))}
          </ul>
        </dd>
      </div>
    ));
}
