import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from './factories.js';

/** A fresh upload directory per test file. */
export function tempUploadDir(): string {
  return mkdtempSync(join(tmpdir(), 'cjn-uploads-'));
}

export interface OpportunityFields {
  title?: string;
  visibility?: 'network' | 'participants';
  currency?: string;
  funderId?: string;
  tags?: string[];
  description?: string;
  closesAt?: string;
  amountMin?: string;
  amountMax?: string;
}

let counter = 0;

/** Creates an opportunity through the API as `coordinator` and returns its body. */
export async function makeOpportunity(coordinator: Actor, fields: OpportunityFields = {}) {
  counter += 1;
  const res = await coordinator.as
    .post('/api/v1/opportunities')
    .send({ title: `Grant call ${counter}`, visibility: 'network', currency: 'USD', ...fields });
  if (res.status !== 201) throw new Error(`makeOpportunity: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; title: string; stage: string };
}

export async function addPartner(
  coordinator: Actor,
  opportunityId: string,
  fields: {
    organizationId: string;
    role: string;
    status?: string;
    budgetAmount?: string;
    budgetCurrency?: string;
    contactUserIds?: string[];
  },
) {
  const res = await coordinator.as.post(`/api/v1/opportunities/${opportunityId}/partners`).send(fields);
  if (res.status !== 201) throw new Error(`addPartner: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; organizationId: string; status: string };
}

export async function addItem(
  coordinator: Actor,
  opportunityId: string,
  fields: { title: string; partnerId?: string; required?: boolean; status?: string },
) {
  const res = await coordinator.as
    .post(`/api/v1/opportunities/${opportunityId}/checklist`)
    .send({ required: true, ...fields });
  if (res.status !== 201) throw new Error(`addItem: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; status: string };
}

/** The first bytes of a real PDF, enough for the content check. */
export const PDF_BYTES = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
