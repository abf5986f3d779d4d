import DOMPurify, { type DOMPurify as Purifier } from 'dompurify';
import { markdownToHtml } from './markdown-html.js';
import { isAllowedLink, isServerImage, MARKDOWN_ATTRIBUTES, MARKDOWN_TAGS } from './markdown-rules.js';

/**
 * The one policy for showing section Markdown in the web app (section page, editor preview, document
 * preview, snapshots): Markdown → HTML with raw HTML as text (markdown-html.ts), then DOMPurify keeps only
 * Markdown's own elements and attributes (markdown-rules.ts). Links open in a new tab without the opener.
 */
let purifier: Purifier | undefined;

function sanitiser(): Purifier {
  if (purifier) return purifier;
  const p = DOMPurify(window);
  p.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      const href = node.getAttribute('href');
      if (href !== null && !isAllowedLink(href)) node.removeAttribute('href');
      if (node.hasAttribute('href')) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
    } else if (node.nodeName === 'IMG') {
      const src = node.getAttribute('src') ?? '';
      if (!isServerImage(src)) node.replaceWith(node.ownerDocument.createTextNode(node.getAttribute('alt') ?? ''));
    }
  });
  purifier = p;
  return p;
}

export function sanitizeMarkdownHtml(html: string): string {
  return sanitiser().sanitize(html, {
    ALLOWED_TAGS: [...MARKDOWN_TAGS],
    ALLOWED_ATTR: [...MARKDOWN_ATTRIBUTES],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    KEEP_CONTENT: true,
  });
}

export function renderSectionMarkdown(source: string): string {
  return sanitizeMarkdownHtml(markdownToHtml(source));
}
