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

export function assembleMarkdown(doc: AssembledDocument): string {
  const parts: string[] = [`# ${doc.title.trim()}`];
  const meta = [`Submitted to: ${doc.targetBody}`];
  if (doc.sessionReference) meta.push(`Reference: ${doc.sessionReference}`);
  parts.push(meta.join('  \n'));
  for (const section of doc.sections) {
    parts.push(`## ${section.title.trim()}`);
    if (section.body.trim()) parts.push(section.body.trim());
  }
  if (doc.signatories.length) {
    parts.push('## Signatories');
    parts.push(doc.signatories.map((s) => `- ${s.displayName}`).join('\n'));
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
