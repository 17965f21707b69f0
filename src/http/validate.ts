/**
 * Request validation with ajv: every problem at once, as `{ field, reason }` with dotted camelCase
 * paths like the services report. Query strings are coerced from text (`limit=5` → 5, a single
 * `status=paid` → `['paid']`); bodies are not (a JSON string is not a number).
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FieldIssue } from '../errors.js';
import type { JsonSchema } from './schemas/json-schema.js';

/** A compiled check: the issues found (`root` names the value itself, e.g. `body`), or none. */
export type Check = (value: unknown, root: string) => FieldIssue[];

/** Validators for bodies (strict types) and for path and query values (coerced from text). */
export interface Validators {
  /** Compile a body schema. */
  body(schema: JsonSchema): Check;
  /** Compile a path-parameter or query schema. */
  text(schema: JsonSchema): Check;
}

/** Make the validators (one ajv per kind, so each compiled schema is cached once). */
export function createValidators(): Validators {
  const strict = configure(new Ajv({ allErrors: true, strict: true }));
  const coercing = configure(new Ajv({ allErrors: true, strict: true, coerceTypes: 'array' }));
  return {
    body: (schema) => toCheck(strict.compile(schema)),
    text: (schema) => toCheck(coercing.compile(schema)),
  };
}

function configure(ajv: Ajv): Ajv {
  addFormats.default(ajv, ['email', 'uri', 'date-time']);
  return ajv;
}

function toCheck(validate: ValidateFunction): Check {
  return (value, root) => (validate(value) ? [] : (validate.errors ?? []).map((e) => toIssue(e, root)));
}

function toIssue(error: ErrorObject, root: string): FieldIssue {
  const path = error.instancePath.split('/').filter(Boolean).map(unescapePointer);
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') {
    return { field: join(path, String(params.missingProperty)), reason: 'is required' };
  }
  if (error.keyword === 'additionalProperties') {
    return { field: join(path, String(params.additionalProperty)), reason: 'is not allowed' };
  }
  return { field: join(path) || root, reason: reasonOf(error) };
}

function reasonOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    return `must be one of ${params.allowedValues.join(', ')}`;
  }
  if (error.keyword === 'anyOf') return 'does not match any allowed form';
  return error.message ?? 'is invalid';
}

function join(path: string[], last?: string): string {
  return [...path, ...(last === undefined ? [] : [last])].join('.');
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
