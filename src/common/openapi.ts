import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  ApiSchema,
  getSchemaPath,
} from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { STATUS_NAMES } from './errors.js';
import { FIELD_CODES, type FieldCode, REFUSAL_CODES, type RefusalCode } from '../../shared/refusal-codes.js';

/** One field's problems in a 400 for bad input. */
export class FieldProblemResponse {
  @ApiProperty({ example: 'dueAt' })
  field: string;

  @ApiProperty({ enum: FIELD_CODES, enumName: 'FieldProblemCode', example: 'not_date' })
  code: FieldCode;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { max: 200 },
    description: 'The limits or allowed values the code speaks of (`max`, `min`, `allowed`)',
  })
  params: Record<string, unknown>;

  @ApiProperty({ type: [String], example: ['dueAt must be an ISO 8601 date-time'], description: 'In English' })
  problems: string[];
}

/** The one error shape of the HTTP contract (`common/errors.ts`). */
@ApiSchema({ name: 'Error' })
export class ErrorResponse {
  @ApiProperty({ example: 404 })
  statusCode: number;

  @ApiProperty({ example: 'Not Found' })
  error: string;

  @ApiProperty({
    enum: REFUSAL_CODES,
    enumName: 'RefusalCode',
    example: 'not_found',
    description: 'Stable: clients choose what to tell the reader, in their language, by it (`server_error` on a 500)',
  })
  code: RefusalCode | 'server_error';

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { record: 'opportunity' },
    description: "The code's parameters, e.g. `record`, `role`, `from`/`to`/`allowed`, `retryAfter`",
  })
  params: Record<string, unknown>;

  @ApiProperty({ example: 'Opportunity not found', description: 'In English, for API clients and logs' })
  message: string;

  @ApiPropertyOptional({
    oneOf: [
      { type: 'array', items: { $ref: getSchemaPath(FieldProblemResponse) } },
      { type: 'object', additionalProperties: true },
    ],
    description:
      "Bad input (400): every field with its problems. A refusal: its reasons and parameters, e.g. a workflow move's `blockers`, " +
      "or a stale save's `yourVersion` and `current` section.",
  })
  details?: FieldProblemResponse[] | Record<string, unknown>;

  @ApiPropertyOptional({ format: 'uuid', description: 'On 500 only: the id under which the error was logged' })
  errorId?: string;
}

const pageClasses = new Map<Type<unknown>, { page: Type<unknown>; totalOptional: boolean }>();

/** `{ items, total, nextCursor }` of a paginated list, as one named schema per item type (`<Item>Page`). */
export function PageOf<T>(
  item: Type<T>,
  options: { totalOptional?: boolean } = {},
): Type<{ items: T[]; total: number; nextCursor: string | null }> {
  const known = pageClasses.get(item);
  if (known) {
    if (known.totalOptional !== !!options.totalOptional)
      throw new Error(`${schemaName(item)}Page is declared both with and without an optional total`);
    return known.page as never;
  }
  @ApiSchema({ name: `${schemaName(item)}Page` })
  class Page {
    @ApiProperty({ type: () => [item] })
    items: T[];

    @ApiProperty({
      description: options.totalOptional
        ? 'How many match, across every page; absent when the request asked for count=false'
        : 'How many match, across every page',
      required: !options.totalOptional,
    })
    total: number;

    @ApiProperty({
      type: String,
      nullable: true,
      description: 'Pass as `cursor` for the next page; null on the last page',
    })
    nextCursor: string | null;
  }
  pageClasses.set(item, { page: Page, totalOptional: !!options.totalOptional });
  return Page;
}

const listClasses = new Map<Type<unknown>, Type<unknown>>();

/** `{ items }` of a short, unpaginated list (`<Item>List`). */
export function ListOf<T>(item: Type<T>): Type<{ items: T[] }> {
  const known = listClasses.get(item);
  if (known) return known as never;
  @ApiSchema({ name: `${schemaName(item)}List` })
  class List {
    @ApiProperty({ type: () => [item] })
    items: T[];
  }
  listClasses.set(item, List);
  return List;
}

function schemaName(type: Type<unknown>): string {
  return type.name.replace(/Response$/, '');
}

/** Error responses an operation can answer, in the one error shape. */
export function ApiErrors(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: STATUS_NAMES[status] ?? 'Error', type: ErrorResponse }),
    ),
  );
}

/** 200 with a JSON body of `type` (or `[type]`), plus the given error responses. */
export function ApiOk(type: Type<unknown> | [Type<unknown>], ...errors: number[]) {
  return applyDecorators(ApiResponse({ status: 200, description: 'OK', type }), ApiErrors(...errors));
}

/** 201 with the created record, plus the given error responses. */
export function ApiCreated(type: Type<unknown>, ...errors: number[]) {
  return applyDecorators(ApiResponse({ status: 201, description: 'Created', type }), ApiErrors(...errors));
}

/** 204 without a body, plus the given error responses. */
export function ApiNoContent(...errors: number[]) {
  return applyDecorators(ApiResponse({ status: 204, description: 'No Content' }), ApiErrors(...errors));
}

/** 202 without a body: accepted, and what follows happens out of sight (an e-mail, perhaps). */
export function ApiAccepted(...errors: number[]) {
  return applyDecorators(ApiResponse({ status: 202, description: 'Accepted' }), ApiErrors(...errors));
}

/** 202 with a JSON body of `type`: accepted, and what follows happens out of sight. */
export function ApiAcceptedWith(type: Type<unknown>, ...errors: number[]) {
  return applyDecorators(ApiResponse({ status: 202, description: 'Accepted', type }), ApiErrors(...errors));
}

/** Text (CSV, Markdown, iCalendar, HTML) is a string; anything else binary. */
function fileSchema(contentType: string) {
  return contentType.startsWith('text/') ? { type: 'string' } : { type: 'string', format: 'binary' };
}

/** 200 with a file body of one of the given content types (downloads, pages). */
export function ApiFile(contentTypes: string[], ...errors: number[]) {
  const content = Object.fromEntries(contentTypes.map((type) => [type, { schema: fileSchema(type) }]));
  return applyDecorators(ApiResponse({ status: 200, description: 'The file', content }), ApiErrors(...errors));
}

/** A 200 whose body is one of several schemas by content type (JSON beside files). */
export function ApiOkContent(content: Record<string, Type<unknown> | 'file'>, ...errors: number[]) {
  const models = Object.values(content).filter((t): t is Type<unknown> => t !== 'file');
  const schemas = Object.fromEntries(
    Object.entries(content).map(([type, model]) => [
      type,
      { schema: model === 'file' ? fileSchema(type) : { $ref: getSchemaPath(model) } },
    ]),
  );
  return applyDecorators(
    ApiExtraModels(...models),
    ApiResponse({ status: 200, description: 'OK', content: schemas }),
    ApiErrors(...errors),
  );
}

export const PUBLIC_EXTENSION = 'x-public';
export const SIGNED_REQUEST_EXTENSION = 'x-signed-request';
const SECURED = [{ cookie: [] }, { bearer: [] }];
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Every `:id` / `:somethingId` path parameter of this API is parsed with ParseUUIDPipe. */
const UUID_PARAM = /^(id|[a-z]+Id)$/;

/**
 * Finishes what decorators leave per operation: the security of every operation (public ones
 * declare none); uuid path parameters; and the errors every route can answer in the one error
 * shape — 400 when a parameter or body is malformed, 401 when not signed in, 403 for changes
 * (a viewer changes nothing; another site's page may not post), 409 when a constraint or the
 * workflow refuses, 404 for a record named in the path, 413 and 415 for an oversize body or one
 * in a type no route reads. Responses a decorator declared stay as declared.
 */
export function completeOperations(document: OpenAPIObject): OpenAPIObject {
  const error = { $ref: getSchemaPath(ErrorResponse) };
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method] as (Record<string, unknown> & { responses: Record<string, unknown> }) | undefined;
      if (!operation) continue;
      const isPublic = operation[PUBLIC_EXTENSION] === true;
      const isSigned = operation[SIGNED_REQUEST_EXTENSION] === true;
      delete operation[PUBLIC_EXTENSION];
      delete operation[SIGNED_REQUEST_EXTENSION];
      // A route may narrow its security (API tokens are minted only from a session): `@ApiSecurity('cookie')`.
      operation.security = isPublic ? [] : ((operation.security as unknown[] | undefined) ?? SECURED);
      const parameters = (operation.parameters ?? []) as {
        in: string;
        name: string;
        schema?: Record<string, unknown>;
      }[];
      const pathIds = parameters.filter((p) => p.in === 'path' && UUID_PARAM.test(p.name));
      for (const p of pathIds) p.schema = { ...p.schema, type: 'string', format: 'uuid' };
      const statuses: number[] = [];
      if (operation.requestBody || pathIds.length || parameters.some((p) => p.in === 'query')) statuses.push(400);
      if (!isPublic) statuses.push(401);
      // A state-changing request from another site's page is refused (403) unless it proves itself with a signed token.
      if (method !== 'get' && !isSigned) statuses.push(403);
      if (!isPublic && method !== 'get') statuses.push(409);
      if (parameters.some((p) => p.in === 'path')) statuses.push(404);
      if (operation.requestBody) statuses.push(413, 415);
      for (const status of statuses) {
        operation.responses[status] ??= {
          description: STATUS_NAMES[status] ?? 'Error',
          content: { 'application/json': { schema: error } },
        };
      }
    }
  }
  return document;
}

/** What an uploaded file can be (type checked by content on upload). */
export const UPLOAD_CONTENT_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'image/png',
  'image/jpeg',
];

/** A page for people (signed links in e-mails): HTML, also when the link is not valid (404). */
export function ApiHtmlPage() {
  const html = { 'text/html': { schema: { type: 'string' } } };
  return applyDecorators(
    ApiResponse({ status: 200, description: 'The page', content: html }),
    ApiResponse({ status: 404, description: 'The link is not valid or has expired', content: html }),
  );
}
