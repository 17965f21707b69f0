/**
 * Request validation: every problem at once, as `{ field, reason }` with dotted camelCase paths, in
 * the services' own wording (`services/core/input-schema.ts` compiles both). Query strings are coerced
 * from text (`limit=5` → 5, a single `status=paid` → `['paid']`); bodies are not (a JSON string is not
 * a number).
 */
import type { FieldIssue } from '../errors.js';
import { compileIssues } from '../services/core/input-schema.js';
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

/** Make the validators. */
export function createValidators(): Validators {
  return {
    body: (schema) => compileIssues(schema),
    text: (schema) => compileIssues(schema, { coerceText: true }),
  };
}
