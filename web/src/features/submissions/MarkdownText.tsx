import { useMemo } from 'react';
import { renderSectionMarkdown } from './markdown/markdown-policy';

/** A section's Markdown, rendered under the one Markdown policy (markdown/markdown-policy.ts). */
export function MarkdownText({ source }: { source: string }) {
  const html = useMemo(() => renderSectionMarkdown(source), [source]);
  return <div className="markdown" translate="no" dangerouslySetInnerHTML={{ __html: html }} />;
}
