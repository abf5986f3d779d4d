import { BadRequestException } from '@nestjs/common';

/** The version in an If-Match header: `3`, `"3"` or `W/"3"`; absent → undefined. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header === '') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) throw new BadRequestException('If-Match must be the version you edited, e.g. "3"');
  return Number(match[1]);
}

/** The version an edit was made on, from the body's `version` or If-Match (400 when both are given and differ). */
export function editedVersion(bodyVersion: number | null | undefined, ifMatch: string | undefined): number | undefined {
  const headerVersion = parseIfMatch(ifMatch);
  if (headerVersion !== undefined && bodyVersion != null && headerVersion !== bodyVersion) {
    throw new BadRequestException('If-Match and version disagree; send one of them');
  }
  return bodyVersion ?? headerVersion;
}
