/** `@someone@example.org` in a comment mentions that user. */
const MENTION = /(?:^|[\s(])@([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;

export function mentionedEmails(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION)].map((m) => m[1].toLowerCase().replace(/\.+$/, '')))];
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const DOCUMENT_FORMATS = ['md', 'docx', 'json'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** `?format=` wins; otherwise the Accept header; Markdown by default. */
export function chooseFormat(format: DocumentFormat | undefined, accept: string | undefined): DocumentFormat {
  if (format) return format;
  const a = (accept ?? '').toLowerCase();
  if (a.includes(DOCX_TYPE)) return 'docx';
  if (a.includes('text/markdown') || a.includes('text/plain')) return 'md';
  if (a.includes('application/json')) return 'json';
  return 'md';
}
