/**
 * JSON Schema (2020-12 subset that ajv and OpenAPI 3.1 read alike) and small builders. Objects are
 * closed by default: an unknown field is a 400, never silently dropped.
 */

/** A JSON Schema. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** A closed object: `required` lists the mandatory properties. */
export function object(
  properties: Record<string, JsonSchema>,
  required: readonly string[] = [],
  extra: Record<string, unknown> = {},
): JsonSchema {
  return {
    type: 'object',
    properties,
    ...(required.length > 0 ? { required: [...required] } : {}),
    additionalProperties: false,
    ...extra,
  };
}

/** A string, with optional length bounds and pattern. */
export function text(
  options: { min?: number; max?: number; pattern?: string; format?: string } = {},
): JsonSchema {
  return {
    type: 'string',
    ...(options.min === undefined ? {} : { minLength: options.min }),
    ...(options.max === undefined ? {} : { maxLength: options.max }),
    ...(options.pattern === undefined ? {} : { pattern: options.pattern }),
    ...(options.format === undefined ? {} : { format: options.format }),
  };
}

/** An integer, with optional bounds. */
export function integer(minimum?: number, maximum?: number): JsonSchema {
  return {
    type: 'integer',
    ...(minimum === undefined ? {} : { minimum }),
    ...(maximum === undefined ? {} : { maximum }),
  };
}

/** One of a list of strings. */
export function oneOf(values: readonly string[]): JsonSchema {
  return { type: 'string', enum: [...values] };
}

/** A list. */
export function list(items: JsonSchema, maxItems?: number, minItems?: number): JsonSchema {
  return {
    type: 'array',
    items,
    ...(minItems === undefined ? {} : { minItems }),
    ...(maxItems === undefined ? {} : { maxItems }),
  };
}

/** An object whose fields are not described here (checked by the service, or free-form). */
export function anyObject(description: string): JsonSchema {
  return { type: 'object', description };
}

/** A schema that is the same plus a description. */
export function described(schema: JsonSchema, description: string): JsonSchema {
  return { ...schema, description };
}

/** The same schema, or null. */
export function nullable(schema: JsonSchema): JsonSchema {
  const type = schema.type;
  return typeof type === 'string'
    ? { ...schema, type: [type, 'null'] }
    : { anyOf: [schema, { type: 'null' }] };
}
