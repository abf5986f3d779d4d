/**
 * What section Markdown may turn into, as pure rules (no DOM): shared by the HTML the web app renders
 * (markdown-html.ts) and tested in node. Partners' text is never trusted as HTML: raw HTML in it is shown as
 * text, links go only to http, https and mailto addresses, and images only come from this server.
 */

/** The elements Markdown itself produces; anything else (style, form controls, iframes, svg…) is dropped. */
export const MARKDOWN_TAGS = [
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'em',
  'strong',
  'del',
  'ul',
  'ol',
  'li',
  'blockquote',
  'code',
  'pre',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'a',
  'img',
  'hr',
  'br',
] as const;

/** The attributes those elements need (no style, class or id); target and rel are set on links afterwards. */
export const MARKDOWN_ATTRIBUTES = ['href', 'title', 'src', 'alt', 'align', 'start'] as const;

/** A link may go to an http(s) web address or an e-mail address; nothing else (javascript:, data:, …). */
export function isAllowedLink(href: string): boolean {
  return /^(?:https?:\/\/|mailto:)[^\s\p{Cc}]*$/iu.test(href.trim());
}

const ANY_ORIGIN = 'http://origin.invalid';

/**
 * An image only from this server: a path starting with one "/" (like /api/v1/…), never another host
 * ("//host", "/\host", a scheme, or a tab or newline that a browser would drop to make "//host").
 */
export function isServerImage(src: string): boolean {
  if (!/^\/(?![/\\])[^\s\p{Cc}\\]*$/u.test(src)) return false;
  try {
    return new URL(src, ANY_ORIGIN).origin === ANY_ORIGIN;
  } catch {
    return false;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text, so that nothing in it is markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}
