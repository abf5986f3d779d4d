/** The kinds of file the tracker accepts, recognised by their first bytes, never by name or client header. */
export interface DetectedType {
  ext: 'pdf' | 'docx' | 'xlsx' | 'odt' | 'png' | 'jpg';
  mime: string;
}

const PDF = Buffer.from('%PDF-');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ODT_MIME = 'application/vnd.oasis.opendocument.text';

/** Names of the entries of a ZIP archive, read from its local file headers. */
export function zipEntryNames(buf: Buffer, max = 2000): string[] {
  const names: string[] = [];
  let at = 0;
  while (names.length < max && at + 30 <= buf.length && buf.subarray(at, at + 4).equals(ZIP)) {
    const flags = buf.readUInt16LE(at + 6);
    const compressedSize = buf.readUInt32LE(at + 18);
    const nameLength = buf.readUInt16LE(at + 26);
    const extraLength = buf.readUInt16LE(at + 28);
    names.push(buf.subarray(at + 30, at + 30 + nameLength).toString('utf8'));
    // With a data descriptor (flag bit 3) the size is not known here; stop walking.
    if (flags & 0x08) break;
    at += 30 + nameLength + extraLength + compressedSize;
  }
  return names;
}

/** The central directory lists every entry even when local headers cannot be walked. */
function centralDirectoryNames(buf: Buffer): string[] {
  const names: string[] = [];
  const signature = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
  let at = buf.indexOf(signature);
  while (at !== -1 && at + 46 <= buf.length) {
    const nameLength = buf.readUInt16LE(at + 28);
    names.push(buf.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
    at = buf.indexOf(signature, at + 46 + nameLength);
  }
  return names;
}

export function detectFileType(buf: Buffer): DetectedType | null {
  if (buf.length >= PDF.length && buf.subarray(0, PDF.length).equals(PDF))
    return { ext: 'pdf', mime: 'application/pdf' };
  if (buf.length >= PNG.length && buf.subarray(0, PNG.length).equals(PNG)) return { ext: 'png', mime: 'image/png' };
  if (buf.length >= JPEG.length && buf.subarray(0, JPEG.length).equals(JPEG)) return { ext: 'jpg', mime: 'image/jpeg' };
  if (buf.length < 30 || !buf.subarray(0, 4).equals(ZIP)) return null;
  // OpenDocument: the first entry is an uncompressed `mimetype` file holding the type.
  const firstName = buf.subarray(30, 30 + buf.readUInt16LE(26)).toString('utf8');
  if (firstName === 'mimetype') {
    const start = 30 + buf.readUInt16LE(26) + buf.readUInt16LE(28);
    if (buf.subarray(start, start + ODT_MIME.length).toString('latin1') === ODT_MIME)
      return { ext: 'odt', mime: ODT_MIME };
    return null;
  }
  const names = new Set([...zipEntryNames(buf), ...centralDirectoryNames(buf)]);
  if (!names.has('[Content_Types].xml')) return null;
  if (names.has('word/document.xml')) {
    return { ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
  }
  if (names.has('xl/workbook.xml'))
    return { ext: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
  return null;
}

const ELF = Buffer.from([0x7f, 0x45, 0x4c, 0x46]);
const MACH_O = [
  Buffer.from([0xfe, 0xed, 0xfa, 0xce]),
  Buffer.from([0xfe, 0xed, 0xfa, 0xcf]),
  Buffer.from([0xcf, 0xfa, 0xed, 0xfe]),
  Buffer.from([0xce, 0xfa, 0xed, 0xfe]),
];
const RISKY_ENTRY = /(\.(exe|dll|com|scr|bat|cmd|ps1|vbs|js|jar|sh|msi|lnk)$)|(^|\/)vbaProject\.bin$/i;

/** A Windows executable: "MZ" whose header points at a "PE\0\0" signature. */
function hasPortableExecutable(buf: Buffer): boolean {
  for (let at = buf.indexOf('MZ'); at !== -1 && at + 0x40 <= buf.length; at = buf.indexOf('MZ', at + 2)) {
    const pe = at + buf.readUInt32LE(at + 0x3c);
    if (pe + 4 <= buf.length && buf.subarray(pe, pe + 4).equals(Buffer.from('PE\0\0', 'latin1'))) return true;
  }
  return false;
}

/**
 * What an accepted file also carries that makes it dangerous (a polyglot): an executable inside a
 * PDF or an image, a second archive inside a PDF or an image, or scripts and macros inside an office
 * archive. Null when there is nothing of the kind.
 */
export function hiddenContent(buf: Buffer, type: DetectedType): string | null {
  if (type.ext === 'docx' || type.ext === 'xlsx' || type.ext === 'odt') {
    const risky = [...zipEntryNames(buf), ...centralDirectoryNames(buf)].find((name) => RISKY_ENTRY.test(name));
    return risky ? `a program or macro (${risky})` : null;
  }
  if (buf.indexOf(ELF) !== -1 || MACH_O.some((magic) => buf.indexOf(magic) !== -1) || hasPortableExecutable(buf))
    return 'an executable program';
  if (buf.indexOf(ZIP) !== -1) return 'an archive';
  return null;
}

export const ACCEPTED_TYPES = 'PDF, Word (.docx), Excel (.xlsx), OpenDocument text (.odt), PNG or JPEG';
/** The same formats by their short names, for a refusal's params (the web app lists them in any language). */
export const ACCEPTED_FORMATS = ['PDF', 'DOCX', 'XLSX', 'ODT', 'PNG', 'JPEG'];
