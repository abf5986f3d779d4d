import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import type { Actor } from './factories.js';

/** Creates a submission through the API as `actor` (a coordinator, or a member of the lead organisation). */
export async function makeSubmission(
  actor: Actor,
  fields: { leadOrganizationId: string } & Record<string, unknown>,
): Promise<{ id: string; [key: string]: unknown }> {
  const res = await actor.as.post('/api/v1/submissions').send({
    title: 'Comment on draft General Comment No. 26',
    targetBody: 'UN Committee on the Rights of the Child',
    kind: 'general_comment',
    ...fields,
  });
  if (res.status !== 201) throw new Error(`makeSubmission: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function makeSection(
  actor: Actor,
  submissionId: string,
  fields: Record<string, unknown> = {},
): Promise<{ id: string; version: number; [key: string]: unknown }> {
  const res = await actor.as
    .post(`/api/v1/submissions/${submissionId}/sections`)
    .send({ title: 'Introduction', ...fields });
  if (res.status !== 201) throw new Error(`makeSection: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** supertest parser that keeps a binary body as a Buffer. */
export function binary(res: Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  (res as unknown as NodeJS.ReadableStream).on('data', (c: Buffer) => chunks.push(c));
  (res as unknown as NodeJS.ReadableStream).on('end', () => done(null, Buffer.concat(chunks)));
}

/** One file out of a zip (a .docx), read with the system's unzip. */
export function unzipEntry(zip: Buffer, entry: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cjn-docx-'));
  try {
    const file = join(dir, 'file.zip');
    writeFileSync(file, zip);
    return execFileSync('unzip', ['-p', file, entry], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
