import { marked, type Token } from 'marked';

/**
 * A section's Markdown as it leaves the server (the assembled text, snapshots, the .md download), under the
 * same rule as the web app (web/src/features/submissions/markdown/): raw HTML is shown as the text typed, not
 * passed through as HTML (its "<" written as "&lt;"), and an image from another host becomes its alt text, so
 * that no reader's Markdown viewer fetches it. An image from this server (a path like /api/v1/…) stays.
 */
export function safeSectionMarkdown(body: string): string {
  const targets = collect(marked.lexer(body, { gfm: true }), []);
  let out = '';
  let cursor = 0;
  for (const token of targets) {
    const replacement = replacementFor(token);
    const at = body.indexOf(token.raw, cursor);
    if (at < 0) {
      // Code is only passed over; a rewrite we cannot place (HTML inside a quote or list item, whose raw text
      // lost its markers) falls back to escaping every tag-like "<" of the body.
      if (replacement === null) continue;
      return escapeTags(body);
    }
    out += body.slice(cursor, at) + (replacement ?? token.raw);
    cursor = at + token.raw.length;
  }
  return out + body.slice(cursor);
}

const TARGETS = ['html', 'image', 'code', 'codespan'];

/** Raw HTML, images and code in document order; never what is inside them (an image's alt text). */
function collect(tokens: Token[], into: Token[]): Token[] {
  for (const token of tokens) {
    if (TARGETS.includes(token.type)) {
      into.push(token);
    } else if (token.type === 'table') {
      for (const cell of [...token.header, ...token.rows.flat()]) collect(cell.tokens, into);
    } else if (token.type === 'list') {
      for (const item of token.items) collect(item.tokens, into);
    } else if ('tokens' in token && token.tokens) {
      collect(token.tokens, into);
    }
  }
  return into;
}

/** What a token becomes, or null when it stays as written (code; an image from this server). */
function replacementFor(token: Token): string | null {
  if (token.type === 'html') return escapeTags(token.raw);
  if (token.type === 'image') return isServerImage(token.href) ? null : literal(token.text);
  return null;
}

/** The web app's rule (markdown-rules.ts): a path on this server, never "//host", "/\host" or a scheme. */
export function isServerImage(src: string): boolean {
  if (!/^\/(?![/\\])[^\s\p{Cc}\\]*$/u.test(src)) return false;
  return new URL(src, 'http://origin.invalid').origin === 'http://origin.invalid';
}

/** Every "<" that would open a tag, a comment or a declaration, written as "&lt;" (titles, raw HTML). */
export function escapeTags(text: string): string {
  return text.replace(/<(?=[A-Za-z/!?])/g, '&lt;');
}

/** Text that Markdown reads as itself: no tag, link, image or emphasis left in it. */
function literal(text: string): string {
  return text.replace(/</g, '&lt;').replace(/[\\`*_[\]!]/g, (c) => `\\${c}`);
}
