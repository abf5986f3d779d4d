import fc from 'fast-check';

/** Just enough of an OpenAPI 3 document to walk its operations and build inputs from its schemas. */
export type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  nullable?: boolean;
};
export type Parameter = {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: Schema;
};
export type Operation = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
  security?: Record<string, string[]>[];
};
export type ApiDocument = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};
export interface ApiOperation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  op: Operation;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export function apiOperations(doc: ApiDocument): ApiOperation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ method, path, op: item[method] as Operation })),
  );
}

/** Values that break careless code: wrong types, limits, odd text. */
export const junk = fc.constantFrom<unknown>(
  null,
  '',
  ' ',
  'x'.repeat(3000),
  '0',
  '-1',
  'true',
  '2026-02-30T25:61:00Z',
  '../../etc/passwd',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  'ឥ០៩ Khmer ✓ 😀',
  '{"$gt":""}',
  0,
  -1,
  2 ** 31,
  -(2 ** 63),
  1e308,
  0.5,
  true,
  false,
  [],
  [null],
  {},
  { $gt: '' },
);

/**
 * Inputs for one schema: well-typed values; one field made null or junk, alone or among the others
 * (alone, so that one fault is not hidden behind another); junk as a whole; an unknown field added.
 */
export function fromSchema(doc: ApiDocument, schema: Schema | undefined): fc.Arbitrary<unknown> {
  const resolved = resolve(doc, schema);
  if (!resolved) return junk;
  const valid = typed(doc, resolved, 0);
  const keys = Object.keys(resolved.properties ?? {});
  const variants: fc.WeightedArbitrary<unknown>[] = [
    { weight: 3, arbitrary: valid },
    { weight: 1, arbitrary: junk },
    { weight: 1, arbitrary: fc.constant(null) },
  ];
  if (keys.length) {
    const broken = fc.tuple(valid, fc.constantFrom(...keys), fc.oneof(fc.constant(null), junk));
    variants.push(
      { weight: 2, arbitrary: broken.map(([body, key, value]) => ({ ...(body as object), [key]: value })) },
      { weight: 3, arbitrary: broken.map(([, key, value]) => ({ [key]: value })) },
      { weight: 1, arbitrary: valid.map((body) => ({ ...(body as object), unexpectedField: 1 })) },
    );
  }
  return fc.oneof(...variants);
}

function resolve(doc: ApiDocument, schema: Schema | undefined): Schema | undefined {
  if (!schema?.$ref) return schema?.allOf?.length === 1 ? resolve(doc, schema.allOf[0]) : schema;
  return resolve(doc, doc.components?.schemas?.[schema.$ref.split('/').pop() ?? '']);
}

/** A value the schema describes (the server may still refuse it, e.g. an unknown id). */
function typed(doc: ApiDocument, schema: Schema, depth: number): fc.Arbitrary<unknown> {
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const variants = schema.oneOf ?? schema.anyOf;
  const inner = (s: Schema | undefined) => {
    const r = resolve(doc, s);
    return r && depth < 4 ? typed(doc, r, depth + 1) : junk;
  };
  if (variants?.length) return fc.oneof(...variants.map(inner));
  switch (schema.type) {
    case 'string':
      if (schema.format === 'uuid') return fc.uuid();
      if (schema.format === 'date-time')
        return fc
          .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString());
      if (schema.format === 'date')
        return fc
          .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10));
      return fc.string({ maxLength: 40 });
    case 'integer':
      return fc.integer({ min: -5, max: 100_000 });
    case 'number':
      return fc.double({ min: -1e6, max: 1e9, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(inner(schema.items), { maxLength: 3 });
    default: {
      const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, inner(v)]));
      return fc.record(properties, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) });
    }
  }
}

/** The path with each `{name}` replaced by the value chosen for it, URL-encoded. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? 'missing'));
}
