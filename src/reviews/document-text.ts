import { badField } from '../common/refusal.js';
import { detectFileType } from '../files/file-type.js';
import type { Upload } from '../files/files.service.js';
import { MAX_IMPORT_BYTES } from './dto/recommendation.dto.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const limit = { maxBytes: MAX_IMPORT_BYTES };

/**
 * The text of an uploaded document to import recommendations from: a Word document's paragraphs (its
 * numbering as typed, which is how the treaty bodies' documents number their paragraphs), or a UTF-8
 * text or CSV file (CSV by its name). Anything else, an empty text or one over 1 MB is a 400 about `file`.
 */
export async function documentText(file: Upload | undefined): Promise<{ text: string; format: 'text' | 'csv' }> {
  if (!file || file.size === 0) throw badField('file', 'required', 'send a .docx, .txt or .csv file', limit);
  let text: string;
  let format: 'text' | 'csv' = 'text';
  if (detectFileType(file.buffer)?.ext === 'docx') {
    // Loaded on the first .docx: mammoth costs about 14 MB that most processes never need.
    const { default: mammoth } = await import('mammoth');
    text = (await mammoth.extractRawText({ buffer: file.buffer })).value;
  } else {
    try {
      text = utf8.decode(file.buffer).replace(/^\uFEFF/, '');
    } catch {
      throw badField('file', 'wrong_format', 'must be a Word document (.docx) or UTF-8 text (.txt, .csv)');
    }
    if (/\.csv$/i.test(file.originalname)) format = 'csv';
  }
  if (!text.trim()) throw badField('file', 'too_short', 'holds no text', limit);
  if (Buffer.byteLength(text, 'utf8') > MAX_IMPORT_BYTES)
    throw badField('file', 'too_long', `holds more than 1 MB of text (${MAX_IMPORT_BYTES} bytes)`, limit);
  return { text, format };
}
