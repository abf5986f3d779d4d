import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The first `initial` items of a list (all of them when `initial` is undefined), and a "Show more (N)"
 * button that reveals the rest and moves focus to the first item it revealed. `listRef` goes on the
 * element wrapping the list.
 */
export function useFirstFew<T>(items: T[], initial?: number) {
  const [all, setAll] = useState(false);
  const [focusFrom, setFocusFrom] = useState<number | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusFrom === null) return;
    const item = listRef.current?.querySelectorAll<HTMLElement>(':scope > ul > li, :scope > ol > li')[focusFrom];
    const target = item?.querySelector<HTMLElement>('a[href], button') ?? item;
    if (target === item && item) item.tabIndex = -1;
    target?.focus();
  }, [focusFrom]);
  const hidden = initial === undefined || all ? 0 : Math.max(0, items.length - initial);
  return {
    visible: hidden ? items.slice(0, initial) : items,
    hidden,
    listRef,
    showAll: () => {
      setAll(true);
      setFocusFrom(initial ?? 0);
    },
    /** Shows every item and leaves the focus where it is (after adding one from a form below the list). */
    revealAll: () => setAll(true),
  };
}

export function ShowMoreButton({ hidden, onClick }: { hidden: number; onClick: () => void }) {
  const { t } = useTranslation();
  if (!hidden) return null;
  return (
    <button type="button" className="button-secondary show-more" onClick={onClick}>
      {t('common.showMore', { count: hidden })}
    </button>
  );
}
