import { ApiError } from '../../../api/client';

/** The server's problems per field (`details: [{ field, problems }]` on a 400), to show under each field. */
export function fieldProblems(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.status !== 400 || !Array.isArray(error.details)) return {};
  return Object.fromEntries(
    (error.details as { field: string; problems: string[] }[]).map((d) => [d.field, d.problems.join('; ')]),
  );
}
