import { diffArrays } from 'diff';

/**
 * The reader's text with every line of the saved text that differs put back in, just before the reader's
 * own version of it: nothing of either side is dropped, and the reader tidies the result.
 */
export function keepBoth(theirs: string, mine: string): string {
  if (!mine) return theirs;
  const lines: string[] = [];
  for (const part of diffArrays(theirs.split('\n'), mine.split('\n'))) lines.push(...part.value);
  return lines.join('\n');
}
