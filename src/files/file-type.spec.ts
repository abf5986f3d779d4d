import { describe, expect, it } from '@jest/globals';
import { detectFileType } from './file-type.js';
import { buildZip } from './zip-fixture.js';

describe('detectFileType', () => {
  it('recognises PDF, PNG and JPEG by their first bytes', () => {
    expect(detectFileType(Buffer.from('%PDF-1.7\n...'))?.ext).toBe('pdf');
    expect(detectFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))?.ext).toBe('png');
    expect(detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))?.ext).toBe('jpg');
  });

  it('tells docx, xlsx and odt apart by what the archive holds', () => {
    expect(detectFileType(buildZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }))?.ext).toBe('docx');
    expect(detectFileType(buildZip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' }))?.ext).toBe('xlsx');
    expect(detectFileType(buildZip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<x/>' }))?.ext).toBe('odt');
  });

  it('refuses anything else, whatever its name', () => {
    expect(detectFileType(Buffer.from('MZ\x90\x00 executable'))).toBeNull();
    expect(detectFileType(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(detectFileType(buildZip({ 'evil.sh': 'rm -rf /' }))).toBeNull();
    expect(detectFileType(buildZip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet' }))).toBeNull();
    expect(detectFileType(Buffer.alloc(0))).toBeNull();
  });
});
