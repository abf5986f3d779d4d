import { describe, expect, it } from '@jest/globals';
import { assembleMarkdown, type AssembledDocument, fileSlug } from './assembly.js';

const doc: AssembledDocument = {
  title: 'Comment on draft General Comment No. 26',
  targetBody: 'UN Committee on the Rights of the Child',
  kind: 'general_comment',
  language: 'en',
  sessionReference: 'CRC 93rd session',
  sections: [
    { id: 'a', title: 'Introduction', body: 'The Child Justice Network welcomes the draft.', version: 3 },
    { id: 'b', title: 'Empty so far', body: '  ', version: 1 },
  ],
  signatories: [
    { organizationId: 'o', displayName: 'Child Rights Coalition Cambodia', endorsedAt: '2026-01-01T00:00:00Z' },
  ],
};

describe('assembleMarkdown', () => {
  it('has the title, sections in order and the signatories', () => {
    const md = assembleMarkdown(doc);
    expect(md).toBe(
      '# Comment on draft General Comment No. 26\n\n' +
        'Submitted to: UN Committee on the Rights of the Child  \nReference: CRC 93rd session\n\n' +
        '## Introduction\n\nThe Child Justice Network welcomes the draft.\n\n' +
        '## Empty so far\n\n' +
        '## Signatories\n\n- Child Rights Coalition Cambodia\n',
    );
  });

  it('leaves out the signatories heading when nobody has signed', () => {
    expect(assembleMarkdown({ ...doc, signatories: [] })).not.toContain('Signatories');
  });
});

describe('fileSlug', () => {
  it('makes a safe file name', () => {
    expect(fileSlug('OECD: Access to Justice — response!')).toBe('oecd-access-to-justice-response');
    expect(fileSlug('ជំរាបសួរ')).toBe('submission');
  });
});
