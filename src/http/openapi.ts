/**
 * The OpenAPI 3.1 document, generated from the route table and its schemas: there is no
 * hand-written copy to drift. JSON Schema 2020-12 is OpenAPI 3.1's own dialect, so the
 * validation schemas are used as they are.
 */
import type { OpenApiDocument, OpenApiOptions } from './route-kit.js';
import type { RouteDefinition } from './route-types.js';
import { createRouteTable } from './routes.js';
import type { JsonSchema } from './schemas/json-schema.js';

export type { OpenApiDocument, OpenApiOptions } from './route-kit.js';

const ERRORS: Record<string, string> = {
  '400': 'Invalid request: `error.details` lists every field with its reason.',
  '401': 'No signed-in user.',
  '403': 'A staff action the user may not take.',
  '404': 'No such record (or it belongs to someone else).',
  '409': 'Not allowed in the current state, or a duplicate.',
  '413': 'Body larger than the limit (64 KiB by default).',
  '415': 'The body is not JSON.',
  '502': 'Midtrans refused or failed the request.',
  '503': 'Midtrans could not be reached.',
  '504': 'Midtrans did not answer in time; the outcome is not known yet.',
};

const problemSchema: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        details: {
          type: 'array',
          items: {
            type: 'object',
            required: ['field', 'reason'],
            properties: { field: { type: 'string' }, reason: { type: 'string' } },
          },
        },
        orderId: { type: 'string' },
      },
    },
  },
};

/** Build the document. */
export function createOpenApiDocument(options: OpenApiOptions = {}): OpenApiDocument {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of createRouteTable()) {
    const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: options.title ?? 'midtrans-kit',
      version: options.version ?? '1',
      description: 'Payments, invoices, subscriptions and the Midtrans webhook. JSON in and out, camelCase.',
    },
    // Relative to where the document is served, i.e. the mount point.
    servers: [{ url: options.serverUrl ?? '.' }],
    paths,
    components: { schemas: { Problem: problemSchema } },
  };
}

function operation(route: RouteDefinition): Record<string, unknown> {
  const parameters = [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query')];
  const responses: Record<string, unknown> = {
    [String(route.response.status)]: {
      description: route.response.description,
      content: { 'application/json': { schema: route.response.schema } },
    },
  };
  for (const status of errorStatuses(route)) {
    responses[status] = {
      description: ERRORS[status],
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } },
    };
  }
  return {
    operationId: route.action,
    summary: route.summary,
    tags: [route.tag],
    'x-access': route.access,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: route.rawBody !== true,
            content: {
              'application/json': {
                schema: route.body,
                ...(route.example === undefined ? {} : { example: route.example }),
              },
            },
          },
        }
      : {}),
    responses,
  };
}

function parametersOf(schema: JsonSchema | undefined, where: 'path' | 'query'): Record<string, unknown>[] {
  const properties = (schema?.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema?.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      ...(rest.type === 'array' ? { style: 'form', explode: true } : {}),
      schema: rest,
    };
  });
}

function errorStatuses(route: RouteDefinition): string[] {
  if (route.access === 'public') return ['413'];
  const statuses = ['400', '401'];
  if (route.access === 'staff') statuses.push('403');
  if (route.load) statuses.push('404');
  if (route.tag !== 'meta') {
    if (route.body) statuses.push('413', '415');
    statuses.push('409', '502', '503', '504');
  }
  return statuses.sort();
}
