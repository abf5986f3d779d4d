import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PipelineItem, Stage } from './pipeline-hooks';

export interface Refusal {
  item: PipelineItem;
  to: Stage;
  reason: string;
}

/** Why the server refused a move; a coordinator may make it anyway, giving a reason for the record. */
export function RefusedMove({
  refusal,
  mayOverride,
  overriding,
  onOverride,
  onDismiss,
}: {
  refusal: Refusal;
  mayOverride: boolean;
  overriding: boolean;
  onOverride: (reason: string) => void;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [refusal]);
  return (
    <section className="panel refusal" role="alert" aria-labelledby="refusal-title">
      <h2 id="refusal-title" ref={heading} tabIndex={-1}>
        {t('board.refusedTitle', { title: refusal.item.title, stage: t(`opportunities.stage.${refusal.to}`) })}
      </h2>
      <p className="refusal-reason" translate="no">
        {refusal.reason}
      </p>
      {mayOverride && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (reason.trim()) onOverride(reason.trim());
          }}
        >
          <label htmlFor="override-reason">{t('board.overrideReason')}</label>
          <textarea
            id="override-reason"
            value={reason}
            required
            maxLength={2000}
            onChange={(event) => setReason(event.target.value)}
          />
          <div className="toolbar">
            <button type="submit" className="button" disabled={overriding || !reason.trim()}>
              {t('board.override')}
            </button>
            <button type="button" className="button-secondary" onClick={onDismiss}>
              {t('board.dismiss')}
            </button>
          </div>
        </form>
      )}
      {!mayOverride && (
        <button type="button" className="button-secondary" onClick={onDismiss}>
          {t('board.dismiss')}
        </button>
      )}
    </section>
  );
}
