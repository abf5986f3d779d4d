import { escapeTags, safeSectionMarkdown } from './markdown-export.js';

/** The assembled text of a submission: what is sent, frozen, and exported. Pure functions. */
export interface AssembledDocument {
  title: string;
  targetBody: string;
  kind: string;
  language: string;
  sessionReference: string | null;
  sections: { id: string; title: string; body: string; version: number }[];
  signatories: { organizationId: string; displayName: string; endorsedAt: string }[];
}

/**
 * The whole text as Markdown. Section bodies follow the Markdown policy (markdown-export.ts: raw HTML as text,
 * no image from another host); titles and names are text, never tags.
 */
export function assembleMarkdown(doc: AssembledDocument): string {
  const parts: string[] = [`# ${escapeTags(doc.title.trim())}`];
  const meta = [`Submitted to: ${escapeTags(doc.targetBody)}`];
  if (doc.sessionReference) meta.push(`Reference: ${escapeTags(doc.sessionReference)}`);
  parts.push(meta.join('  \n'));
  for (const section of doc.sections) {
    parts.push(`## ${escapeTags(section.title.trim())}`);
    if (section.body.trim()) parts.push(safeSectionMarkdown(section.body.trim()));
  }
  if (doc.signatories.length) {
    parts.push('## Signatories');
    parts.push(doc.signatories.map((s) => `- ${escapeTags(s.displayName)}`).join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}

/** A safe file name for downloads: "General Comment 26 — comment" → "general-comment-26-comment". */
export function fileSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'submission';
}
