import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';
import type { Deadline } from './deadline-hooks';
import { DeadlineTimes } from './DeadlineTimes';

/**
 * Deadlines as cards: title, the record it belongs to (left out on that record's own page, `recordId`),
 * when it is due in its own zone and the reader's.
 */
export function DeadlineList({
  deadlines,
  readerZone,
  recordId,
}: {
  deadlines: Deadline[];
  readerZone: string;
  recordId?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ul className="card-list">
      {deadlines.map((d) => (
        <li key={d.id} className={`card deadline-card status-${d.status}`}>
          <div className="card-head">
            <Link to={`/deadlines/${d.id}`} className="card-title" translate="no">
              {d.title}
            </Link>
            <span className={`badge badge-${d.status}`}>{t(`deadlines.status.${d.status}`)}</span>
          </div>
          <p className="card-meta">
            {d.subjectId !== recordId && (
              <>
                <DeadlineSubject deadline={d} />
                {' · '}
              </>
            )}
            <span>{t(`deadlines.kind.${d.kind}`)}</span>
            {' · '}
            <span>{format.relative(d.dueAt)}</span>
          </p>
          <DeadlineTimes dueAt={d.dueAt} timeZone={d.timeZone} readerZone={readerZone} compact />
        </li>
      ))}
    </ul>
  );
}

/** The kind of record a deadline is on, and a link to it when the reader may see it. */
export function DeadlineSubject({ deadline: d }: { deadline: Pick<Deadline, 'subjectType' | 'subject'> }) {
  const { t } = useTranslation();
  return (
    <>
      <span>{t(`deadlines.subjectType.${d.subjectType}`)}</span>
      {d.subject && (
        <>
          {': '}
          <Link to={d.subject.path} translate="no">
            {d.subject.title}
          </Link>
        </>
      )}
    </>
  );
}
