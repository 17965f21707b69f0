/**
 * One rule per input: each service defines its input once as a TypeBox schema (beside the service),
 * compiles it here once, and checks every call with it. The HTTP routes validate request bodies with
 * the same schemas and show them in OpenAPI, so a direct call and a request meet the same rule and
 * the same `ValidationError` (`{ field, reason }`, dotted camelCase paths, one wording).
 *
 * Rules a schema cannot say (item sums, per-type payment options, date order) stay in the service
 * and add their issues to the same error.
 */
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { type FieldIssue, ValidationError } from '../../errors.js';
import { METADATA_MAX_BYTES, USER_ID_MAX_LENGTH } from '../../limits.js';

/** A compiled input check. */
export interface InputCheck<S extends TSchema> {
  /** The schema (JSON Schema 2020-12; the routes and OpenAPI read it too). */
  readonly schema: S;
  /** Every problem of `value`, or none. `root` names the value itself in an issue (e.g. `body`). */
  issues(value: unknown, root?: string): FieldIssue[];
  /** Whether `value` satisfies the schema (narrows it). */
  is(value: unknown): value is Static<S>;
  /** Throw one ValidationError listing every problem (plus `extra`, the service's own findings). */
  assert(value: unknown, extra?: readonly FieldIssue[]): asserts value is Static<S>;
}

// The keyword of `DateValue` (declared before the ajv instances below register it).
const DATE_KEYWORD = 'x-date-instance';

// One ajv for strict values (service inputs, JSON bodies) and one that coerces text (paths, queries),
// each caching what it compiled.
const strict = withFormats(new Ajv({ allErrors: true, strict: true }));
const coercing = withFormats(new Ajv({ allErrors: true, strict: true, coerceTypes: 'array' }));

/** Compile an input schema once; `coerceText` for path parameters and query strings. */
export function compileInput<S extends TSchema>(
  schema: S,
  options: { coerceText?: boolean } = {},
): InputCheck<S> {
  const issues = compileIssues(schema, options);
  return {
    schema,
    issues,
    is: (value): value is Static<S> => issues(value).length === 0,
    assert(value, extra = []): asserts value is Static<S> {
      const found = [...issues(value), ...extra];
      if (found.length > 0) throw new ValidationError(found);
    },
  };
}

/**
 * Compile any JSON Schema into a function listing the problems of a value, in the same wording as
 * `compileInput` (the HTTP layer uses this for schemas that are not a service's input).
 */
export function compileIssues(
  schema: object,
  options: { coerceText?: boolean } = {},
): (value: unknown, root?: string) => FieldIssue[] {
  const validate: ValidateFunction = (options.coerceText ? coercing : strict).compile(schema);
  return (value, root = 'input') =>
    validate(value) ? [] : (validate.errors ?? []).map((error) => toIssue(error, root));
}

function withFormats(ajv: Ajv): Ajv {
  addFormats.default(ajv, ['email', 'uri', 'date-time']);
  // Service inputs carry Dates; JSON carries their ISO text (`DateText`) and the route turns it into one.
  ajv.addKeyword({
    keyword: DATE_KEYWORD,
    errors: false,
    validate: (_schema: unknown, data: unknown) => data instanceof Date && !Number.isNaN(data.getTime()),
  });
  return ajv;
}

/** Object options of every input: it names each field it takes, and anything else is refused. */
export const closed = { additionalProperties: false } as const;

/** A date field of a service input: a valid `Date`. Its HTTP form is {@link DateText}. */
export const DateValue = Type.Unsafe<Date>({ [DATE_KEYWORD]: true });

/** A date field of a JSON body: ISO 8601 date-time text, turned into a `Date` by the route. */
export const DateText = Type.String({ format: 'date-time' });

/** The date schemas an input's schema is built with: `DateValue` for the service, `DateText` for HTTP. */
export type DateSchema = typeof DateValue | typeof DateText;

/** An ajv error as a field issue in the kit's one wording. */
function toIssue(error: ErrorObject, root: string): FieldIssue {
  const path = error.instancePath.split('/').filter(Boolean).map(unescapePointer);
  const params: Record<string, unknown> = error.params;
  if (error.keyword === 'required') {
    return { field: join(path, String(params.missingProperty)), reason: 'is required' };
  }
  if (error.keyword === 'additionalProperties') {
    return { field: join(path, String(params.additionalProperty)), reason: 'is not allowed' };
  }
  return { field: join(path) || root, reason: reasonOf(error, params) };
}

function reasonOf(error: ErrorObject, params: Record<string, unknown>): string {
  if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    return `must be one of ${params.allowedValues.join(', ')}`;
  }
  if (error.keyword === 'anyOf') return 'does not match any allowed form';
  if (error.keyword === DATE_KEYWORD) return 'must be a valid Date';
  return error.message ?? 'is invalid';
}

function join(path: string[], last?: string): string {
  return [...path, ...(last === undefined ? [] : [last])].join('.');
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * The owner a host passes as `user` (any object with an `id`): its id must be a non-empty string
 * or a finite number that fits the `user_id` column once written as text.
 */
export function ownerIssues(user: unknown): FieldIssue[] {
  if (user === undefined) return [];
  const id: unknown = typeof user === 'object' && user !== null ? Reflect.get(user, 'id') : undefined;
  const text = typeof id === 'number' && Number.isFinite(id) ? String(id) : id;
  return typeof text === 'string' && text.length > 0 && text.length <= USER_ID_MAX_LENGTH
    ? []
    : [
        {
          field: 'user.id',
          reason: `must be a non-empty string (at most ${USER_ID_MAX_LENGTH}) or a number`,
        },
      ];
}

/** Metadata must serialise to fewer than `maxBytes` bytes of JSON (a schema cannot measure that). */
export function metadataIssues(metadata: unknown, maxBytes = METADATA_MAX_BYTES): FieldIssue[] {
  if (metadata === undefined) return [];
  return Buffer.byteLength(JSON.stringify(metadata)) >= maxBytes
    ? [{ field: 'metadata', reason: `must be under ${maxBytes / 1024} KB as JSON` }]
    : [];
}
