import { Marked } from 'marked';
import { escapeHtml, isServerImage } from './markdown-rules.js';

/**
 * Section Markdown as HTML, before sanitising: raw HTML blocks and tags are shown as the text typed, an image
 * from another host becomes its alt text (the reader's browser never fetches it), and a task list's box is a
 * character rather than a form control. Pure (no DOM); markdown-policy.ts sanitises the result as well.
 */
const marked = new Marked({
  async: false,
  gfm: true,
  renderer: {
    html: ({ text }) => escapeHtml(text),
    image: ({ href, title, text }) =>
      isServerImage(href)
        ? `<img src="${escapeHtml(href)}" alt="${escapeHtml(text)}"${title ? ` title="${escapeHtml(title)}"` : ''}>`
        : escapeHtml(text),
    checkbox: ({ checked }) => (checked ? '☑ ' : '☐ '),
  },
});

export function markdownToHtml(source: string): string {
  return marked.parse(source, { async: false });
}
