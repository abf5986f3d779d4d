import { useEffect } from 'react';

/**
 * Once `ready`, scrolls the element with this id into view and focuses it: how a link to one item on
 * a page (a checklist item, a comment) shows which item it meant.
 */
export function useScrollTo(elementId: string | null, ready: boolean): void {
  useEffect(() => {
    if (!ready || !elementId) return;
    const target = document.getElementById(elementId);
    target?.scrollIntoView({ block: 'center' });
    target?.focus({ preventScroll: true });
  }, [elementId, ready]);
}
