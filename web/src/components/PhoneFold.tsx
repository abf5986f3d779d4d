import { useNarrow } from '../features/deadlines/use-narrow';

/**
 * On a phone, a row's editing controls folded under one "Change" (a native disclosure, so keyboards and
 * screen readers know it); wider screens show them as they are. `label` says which row it changes.
 */
export function PhoneFold(props: { summary: string; label?: string; children: React.ReactNode }) {
  const { summary, label, children } = props;
  if (!useNarrow()) return <>{children}</>;
  return (
    <details className="phone-fold">
      <summary>
        {summary}
        {label && <span className="visually-hidden" translate="no">{`: ${label}`}</span>}
      </summary>
      {children}
    </details>
  );
}
