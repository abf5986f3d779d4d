/**
 * Puts `@Name` in place of the `@query` typed from `start` to `caret`, with one space after it: the space
 * already in the text when the mention is written before one (never two), else a new one. Returns the text
 * and where the caret goes (after that space, ready for the next word; before a line break that follows).
 */
export function insertMention(
  text: string,
  start: number,
  caret: number,
  name: string,
): { text: string; caret: number } {
  const before = text.slice(0, start);
  const after = text.slice(caret);
  const mention = `@${name}`;
  if (/^\s/u.test(after))
    return { text: before + mention + after, caret: start + mention.length + (after.startsWith(' ') ? 1 : 0) };
  return { text: `${before}${mention} ${after}`, caret: start + mention.length + 1 };
}
