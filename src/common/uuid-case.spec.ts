import { describe, expect, it } from '@jest/globals';
import type { Request, Response } from 'express';
import { lowerCaseUuids } from './uuid-case.js';

const ID = '3F2504E0-4F89-41D3-9A0C-0305E82C3301';

function through(url: string, body?: unknown) {
  const req = { url, body } as Request;
  lowerCaseUuids(req, {} as Response, () => undefined);
  return req;
}

describe('lowerCaseUuids', () => {
  it('lower-cases ids in path segments and query values, leaving the rest of the URL alone', () => {
    expect(through(`/api/v1/submissions/${ID}/sections?assigneeId=${ID}&q=Draft%20One&kind=a&kind=b`).url).toBe(
      `/api/v1/submissions/${ID.toLowerCase()}/sections?assigneeId=${ID.toLowerCase()}&q=Draft+One&kind=a&kind=b`,
    );
    const untouched = '/api/v1/deadlines?q=Draft%20One&from=2026-11-01T00:00:00Z';
    expect(through(untouched).url).toBe(untouched);
  });

  it('lower-cases ids anywhere in a JSON body, and only whole ids', () => {
    const req = through('/api/v1/x', {
      organizationId: ID,
      partnerOrganizationIds: [ID],
      title: `About ${ID}`,
      nested: { id: ID },
    });
    expect(req.body).toEqual({
      organizationId: ID.toLowerCase(),
      partnerOrganizationIds: [ID.toLowerCase()],
      title: `About ${ID}`,
      nested: { id: ID.toLowerCase() },
    });
  });
});
