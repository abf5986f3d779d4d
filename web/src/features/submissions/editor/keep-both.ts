import { diffArrays } from 'diff';
import { diff3Merge } from 'node-diff3';

/**
 * Both writers' work in one text, line by line. With the text both started from (`base`), each side's
 * changes are applied — an edit or a deletion made on one side only is kept as made — and where both
 * changed the same lines, their lines come first, then mine. Without it, every line of theirs that
 * differs is put back before my version of it. Nothing of either side is dropped; the reader tidies.
 */
export function keepBoth(theirs: string, mine: string, base?: string): string {
  if (!mine) return theirs;
  const lines: string[] = [];
  if (base !== undefined) {
    for (const region of diff3Merge(mine.split('\n'), base.split('\n'), theirs.split('\n'), {
      excludeFalseConflicts: true,
    })) {
      if (region.ok) lines.push(...region.ok);
      else if (region.conflict) lines.push(...region.conflict.b, ...region.conflict.a);
    }
  } else {
    for (const part of diffArrays(theirs.split('\n'), mine.split('\n'))) lines.push(...part.value);
  }
  return lines.join('\n');
}
