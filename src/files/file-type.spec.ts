import { describe, expect, it } from '@jest/globals';
import { type DetectedType, detectFileType, hiddenContent } from './file-type.js';
import { buildZip } from './zip-fixture.js';

describe('detectFileType', () => {
  it('recognises PDF, PNG and JPEG by their first bytes', () => {
    expect(detectFileType(Buffer.from('%PDF-1.7\n...'))?.ext).toBe('pdf');
    expect(detectFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))?.ext).toBe('png');
    expect(detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))?.ext).toBe('jpg');
  });

  it('tells docx, xlsx and odt apart by what the archive holds', () => {
    expect(
      detectFileType(buildZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }))?.ext,
    ).toBe('docx');
    expect(detectFileType(buildZip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' }))?.ext).toBe(
      'xlsx',
    );
    expect(
      detectFileType(buildZip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<x/>' }))?.ext,
    ).toBe('odt');
  });

  it('refuses anything else, whatever its name', () => {
    expect(detectFileType(Buffer.from('MZ\x90\x00 executable'))).toBeNull();
    expect(detectFileType(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(detectFileType(buildZip({ 'evil.sh': 'rm -rf /' }))).toBeNull();
    expect(detectFileType(buildZip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet' }))).toBeNull();
    expect(detectFileType(Buffer.alloc(0))).toBeNull();
  });
});

describe('hiddenContent', () => {
  const pdf = detectFileType(Buffer.from('%PDF-1.7')) as DetectedType;
  const png = detectFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) as DetectedType;
  const docx = {
    ext: 'docx',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  } as DetectedType;

  function portableExecutable(): Buffer {
    const exe = Buffer.alloc(0x80);
    exe.write('MZ', 0, 'latin1');
    exe.writeUInt32LE(0x40, 0x3c);
    exe.write('PE\0\0', 0x40, 'latin1');
    return exe;
  }

  it('finds a Windows or Linux program inside a PDF or an image (a polyglot)', () => {
    expect(
      hiddenContent(
        Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n'), portableExecutable(), Buffer.from('\n%%EOF')]),
        pdf,
      ),
    ).toBe('an executable program');
    expect(
      hiddenContent(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1])]), pdf),
    ).toBe('an executable program');
    expect(
      hiddenContent(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), buildZip({ 'a.class': 'x' })]), png),
    ).toBe('an archive');
  });

  it('finds programs and macros inside office archives', () => {
    expect(
      hiddenContent(
        buildZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w/>', 'word/vbaProject.bin': 'x' }),
        docx,
      ),
    ).toMatch(/macro/);
    expect(
      hiddenContent(
        buildZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w/>', 'payload/run.exe': 'x' }),
        docx,
      ),
    ).toMatch(/run\.exe/);
  });

  it('lets ordinary files through, including an "MZ" that is only text', () => {
    expect(hiddenContent(Buffer.from('%PDF-1.7\nMZ is the postcode of nothing\n%%EOF'), pdf)).toBeNull();
    expect(
      hiddenContent(buildZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w/>' }), docx),
    ).toBeNull();
  });
});
