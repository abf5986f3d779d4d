import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { AssembledDocument } from './assembly.js';

/**
 * Renders the assembled document as .docx. Section bodies are Markdown; headings, lists,
 * quotes, bold and italic carry over, everything else becomes plain paragraphs.
 */
export async function renderDocx(doc: AssembledDocument): Promise<Buffer> {
  const children: Paragraph[] = [new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE })];
  children.push(new Paragraph({ children: [new TextRun({ text: `Submitted to: ${doc.targetBody}`, italics: true })] }));
  if (doc.sessionReference) {
    children.push(
      new Paragraph({ children: [new TextRun({ text: `Reference: ${doc.sessionReference}`, italics: true })] }),
    );
  }
  for (const section of doc.sections) {
    children.push(new Paragraph({ text: section.title, heading: HeadingLevel.HEADING_1 }));
    children.push(...markdownParagraphs(section.body));
  }
  if (doc.signatories.length) {
    children.push(new Paragraph({ text: 'Signatories', heading: HeadingLevel.HEADING_1 }));
    for (const s of doc.signatories) children.push(new Paragraph({ text: s.displayName, bullet: { level: 0 } }));
  }
  const document = new Document({
    creator: 'CJN Tracker',
    title: doc.title,
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}

const HEADINGS = [HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4];

export function markdownParagraphs(markdown: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let buffer: string[] = [];
  const flush = () => {
    if (buffer.length) paragraphs.push(new Paragraph({ children: inlineRuns(buffer.join(' ')) }));
    buffer = [];
  };
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trimEnd();
    const heading = /^\s{0,3}(#{1,6})\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    const quote = /^\s*>\s?(.*)$/.exec(line);
    if (!line.trim()) {
      flush();
    } else if (heading) {
      flush();
      paragraphs.push(
        new Paragraph({ children: inlineRuns(heading[2]), heading: HEADINGS[Math.min(heading[1].length, 3) - 1] }),
      );
    } else if (bullet) {
      flush();
      paragraphs.push(new Paragraph({ children: inlineRuns(bullet[1]), bullet: { level: 0 } }));
    } else if (numbered) {
      flush();
      paragraphs.push(new Paragraph({ children: inlineRuns(line.trim()) }));
    } else if (quote) {
      flush();
      paragraphs.push(new Paragraph({ children: inlineRuns(quote[1]), indent: { left: 720 } }));
    } else {
      buffer.push(line.trim());
    }
  }
  flush();
  return paragraphs;
}

/**
 * **bold**, *italic* / _italic_ and [text](link) → runs; an image → its alt text (nothing is fetched or embedded,
 * as in the web app's Markdown policy); other characters, raw HTML included, stay as typed: a .docx has no HTML.
 */
function inlineRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  const pattern = /!\[([^\]]*)\]\([^)]*\)|\*\*([^*]+)\*\*|__([^_]+)__|\*([^*]+)\*|_([^_]+)_|\[([^\]]+)\]\(([^)]+)\)/g;
  let last = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m.index > last) runs.push(new TextRun(text.slice(last, m.index)));
    if (m[1] !== undefined) {
      if (m[1]) runs.push(new TextRun(m[1]));
    } else if (m[2] ?? m[3]) runs.push(new TextRun({ text: (m[2] ?? m[3])!, bold: true }));
    else if (m[4] ?? m[5]) runs.push(new TextRun({ text: (m[4] ?? m[5])!, italics: true }));
    else runs.push(new TextRun(`${m[6]} (${m[7]})`));
    last = m.index + m[0].length;
  }
  if (last < text.length) runs.push(new TextRun(text.slice(last)));
  return runs;
}
