/**
 * Unsaved section text kept on this device, so a reload, a closed tab or a dropped mobile connection
 * loses nothing. One entry per user and section; cleared once the server has the text.
 */
export interface Draft {
  body: string;
  /** The version the text was written on: saving sends it, so a newer save elsewhere shows the merge view. */
  baseVersion: number;
  savedAt: string;
}

const PREFIX = 'cjn.draft.';
const key = (userId: string, sectionId: string) => `${PREFIX}${userId}.${sectionId}`;

function draftKeys(): string[] {
  try {
    return Object.keys(localStorage).filter((k) => k.startsWith(PREFIX));
  } catch {
    return [];
  }
}

/** How many sections have unsaved text of this user on this device. */
export function countDrafts(userId: string): number {
  return draftKeys().filter((k) => k.startsWith(`${PREFIX}${userId}.`)).length;
}

/** Forgets every draft on this device, whoever wrote it: at sign-out, so a shared phone keeps nobody's text. */
export function clearAllDrafts(): void {
  for (const k of draftKeys()) {
    try {
      localStorage.removeItem(k);
    } catch {
      // Storage disabled: nothing was kept either.
    }
  }
}

export function loadDraft(userId: string, sectionId: string): Draft | null {
  try {
    const raw = localStorage.getItem(key(userId, sectionId));
    if (!raw) return null;
    const draft = JSON.parse(raw) as Partial<Draft>;
    return typeof draft.body === 'string' && typeof draft.baseVersion === 'number' && typeof draft.savedAt === 'string'
      ? (draft as Draft)
      : null;
  } catch {
    return null;
  }
}

export function storeDraft(userId: string, sectionId: string, draft: Omit<Draft, 'savedAt'>): void {
  try {
    localStorage.setItem(key(userId, sectionId), JSON.stringify({ ...draft, savedAt: new Date().toISOString() }));
  } catch {
    // Storage full or disabled (private browsing): the editor still works, only without the safety net.
  }
}

export function clearDraft(userId: string, sectionId: string): void {
  try {
    localStorage.removeItem(key(userId, sectionId));
  } catch {
    // As above.
  }
}
