/**
 * Renders the route reference of docs/http.md from the route table, so the docs cannot drift:
 * docs.test.ts compares, and `UPDATE_DOCS=1 npx vitest run test/http/docs.test.ts` rewrites it.
 */
import type { JsonSchema, RouteDefinition } from '../../src/http/index.js';
import { createOpenApiDocument, createRouteTable } from '../../src/http/index.js';
import { invoiceView, paymentView, refundView, subscriptionView } from '../../src/http/views.js';

const VIEWS = new Map<unknown, string>([
  [paymentView.schema, 'Payment'],
  [refundView.schema, 'Refund'],
  [invoiceView.schema, 'Invoice'],
  [subscriptionView.schema, 'Subscription'],
]);

const ACCESS: Record<string, string> = {
  public: 'anyone (no sign-in; only verified notifications change anything)',
  user: 'any signed-in user',
  owner: "the record's owner; others only if `authorize` allows (else 404)",
  staff: 'only if `authorize` allows (owner: 403, others: 404)',
};

/** The markdown between the `routes` markers of docs/http.md. */
export function renderRouteDocs(): string {
  const document = createOpenApiDocument() as {
    paths: Record<string, Record<string, { responses: object }>>;
  };
  const out: string[] = [];
  let tag = '';
  for (const route of createRouteTable()) {
    if (route.tag !== tag) {
      tag = route.tag;
      out.push(`### ${tag[0]?.toUpperCase()}${tag.slice(1)}`, '');
    }
    out.push(`#### \`${route.method} ${route.path}\``, '', `${route.summary}`, '');
    out.push(`- Action \`${route.action}\`; access: ${ACCESS[route.access]}.`);
    const params = fields(route.query);
    if (params) out.push(`- Query: ${params}.`);
    if (route.body && !route.rawBody) out.push(`- Body: ${fields(route.body) || 'none required'}.`);
    const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const statuses = Object.keys(document.paths[path]?.[route.method.toLowerCase()]?.responses ?? {});
    const errors = statuses.filter((status) => status !== String(route.response.status));
    out.push(
      `- Answers **${route.response.status}** ${shape(route.response.schema)}; errors ${errors.join(', ')}.`,
    );
    if (route.example !== undefined) out.push('', '```json', JSON.stringify(route.example, null, 2), '```');
    out.push('');
  }
  out.push('### Records', '');
  for (const [schema, name] of VIEWS) {
    const properties = Object.entries((schema as { properties: Record<string, JsonSchema> }).properties);
    out.push(
      `- **${name}**: ${properties.map(([key, value]) => `\`${key}\` (${typeOf(value)})`).join(', ')}.`,
    );
  }
  return out.join('\n');
}

function fields(schema: JsonSchema | undefined): string {
  const properties = Object.entries((schema?.properties ?? {}) as Record<string, JsonSchema>);
  const required = new Set((schema?.required ?? []) as string[]);
  return properties
    .map(([name, value]) => `\`${name}\`${required.has(name) ? '*' : ''} (${typeOf(value)})`)
    .join(', ');
}

function shape(schema: JsonSchema): string {
  const properties = Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>);
  if (properties.length === 0) return 'a JSON object';
  const parts = properties.map(([name, value]) => `"${name}": ${VIEWS.get(value) ?? typeOf(value)}`);
  return `\`{ ${parts.join(', ')} }\``;
}

function typeOf(schema: JsonSchema): string {
  const view = VIEWS.get(schema);
  if (view) return view;
  if (Array.isArray(schema.enum)) return (schema.enum as string[]).join(' | ');
  if (schema.type === 'array') return `list of ${typeOf((schema.items ?? {}) as JsonSchema)}`;
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as JsonSchema[]).map(typeOf).join(' or ');
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : String(schema.type ?? 'any');
  const format = typeof schema.format === 'string' ? ` ${schema.format}` : '';
  const min = typeof schema.minimum === 'number' && schema.minimum > 0 ? ` ≥ ${schema.minimum}` : '';
  return `${type}${format}${min}`;
}

/** Every route as `METHOD path`, for checks. */
export function routeLines(routes: readonly RouteDefinition[] = createRouteTable()): string[] {
  return routes.map((route) => `${route.method} ${route.path}`);
}
