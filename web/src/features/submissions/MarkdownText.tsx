import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useMemo } from 'react';

/** A section's Markdown, rendered and sanitised (partners' text is never trusted as HTML). */
export function MarkdownText({ source }: { source: string }) {
  const html = useMemo(() => DOMPurify.sanitize(marked.parse(source, { async: false })), [source]);
  return <div className="markdown" translate="no" dangerouslySetInnerHTML={{ __html: html }} />;
}
