/**
 * Run one request through the route table: size and media type → parse → validate (every field at
 * once; reported after the access checks, except bad path params) → resolve the user → load the
 * record → authorise → call the service → JSON. Never throws:
 * every failure becomes an error answer (see problem.ts).
 */
import { ValidationError } from '../errors.js';
import type { KitUser } from '../services/core/hooks.js';
import { checkAccess, notFound, UNAUTHENTICATED } from './access.js';
import { checkSize, decodeJsonBody } from './body.js';
import { matchRoute } from './match.js';
import { isUnexpected, jsonResponse, problemResponse } from './problem.js';
import type { RouteKit } from './route-kit.js';
import type { RouteDefinition } from './route-types.js';
import { createRouteTable } from './routes.js';
import { DEFAULT_BODY_LIMIT, type HttpOptions, type HttpRequest, type HttpResponse } from './types.js';
import { type Check, createValidators } from './validate.js';

/** The framework-free HTTP surface of one kit. */
export interface HttpHandler<U extends KitUser = KitUser> {
  /** The route table. */
  readonly routes: readonly RouteDefinition[];
  /** The body limit in bytes. */
  readonly bodyLimit: number;
  /** Match `request.path` and run the route; undefined when no route matches (pass it on). */
  handle(request: HttpRequest<U>): Promise<HttpResponse | undefined>;
  /** Run a route a framework's router already matched. */
  run(route: RouteDefinition, params: Record<string, string>, request: HttpRequest<U>): Promise<HttpResponse>;
}

interface CompiledChecks {
  params: Check | undefined;
  query: Check;
  body: Check | undefined;
}

/** Build the handler for a kit. */
export function createHttpHandler<U extends KitUser = KitUser>(
  kit: RouteKit,
  options: HttpOptions<U> = {},
): HttpHandler<U> {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  if (!Number.isSafeInteger(bodyLimit) || bodyLimit < 1)
    throw new RangeError('bodyLimit must be a positive integer');
  const routes = createRouteTable();
  const validators = createValidators();
  const noQuery = validators.text({ type: 'object', additionalProperties: false });
  const checks = new Map<RouteDefinition, CompiledChecks>(
    routes.map((route) => [
      route,
      {
        params: route.params ? validators.text(route.params) : undefined,
        query: route.query ? validators.text(route.query) : noQuery,
        body: route.body ? validators.body(route.body) : undefined,
      },
    ]),
  );
  const onError =
    options.onError ??
    ((error: unknown, request: HttpRequest<U>) =>
      kit.logger.error(
        { err: error, method: request.method, path: request.path },
        'midtrans-kit: unexpected error in an HTTP route',
      ));

  async function run(route: RouteDefinition, params: Record<string, string>, request: HttpRequest<U>) {
    try {
      const compiled = checks.get(route);
      if (compiled === undefined)
        throw new Error(`route ${route.method} ${route.path} is not in this handler's table`);
      const { issues, paramIssues, ...input } = parseInput(route, compiled, params, request, bodyLimit);
      // Who asks comes before what they sent: a stranger learns nothing from a 400, not even
      // which fields a staff route takes. Bad path params are reported at once (nothing to load).
      if (paramIssues.length > 0) throw new ValidationError([...paramIssues, ...issues]);
      // The webhook never asks the host: its caller is Midtrans, whatever a resolver would say.
      const user =
        route.access === 'public'
          ? undefined
          : (request.user ?? (await options.resolveUser?.(request)) ?? undefined);
      if (user === undefined && route.access !== 'public') throw UNAUTHENTICATED;
      const resource = route.load ? await route.load(kit, input.params) : undefined;
      if (route.load && resource === undefined) throw notFound(route);
      if (user !== undefined) await checkAccess(route, user, resource, options);
      if (issues.length > 0) throw new ValidationError(issues);
      const result = await route.run({
        kit,
        user,
        resource,
        rawBody: request.rawBody,
        headers: request.headers,
        ...input,
      });
      return jsonResponse(result.status, result.body);
    } catch (error) {
      if (isUnexpected(error)) onError(error, request);
      return problemResponse(error);
    }
  }

  return {
    routes,
    bodyLimit,
    run,
    async handle(request) {
      const match = matchRoute(routes, request.method, request.path);
      return match === undefined ? undefined : run(match.route, match.params, request);
    },
  };
}

/** Parse and validate everything the client sent, reporting every problem at once. */
function parseInput(
  route: RouteDefinition,
  compiled: CompiledChecks,
  rawParams: Record<string, string>,
  request: HttpRequest,
  limit: number,
) {
  if (route.rawBody) {
    checkSize(request, limit);
    return { params: rawParams, query: {}, body: {}, issues: [], paramIssues: [] };
  }
  const decoded = decodeJsonBody(request, limit);
  const params = { ...rawParams };
  const query: Record<string, unknown> = { ...request.query };
  const body = decoded ?? {};
  const paramIssues = compiled.params?.(params, 'params') ?? [];
  const issues = [
    ...compiled.query(query, 'query'),
    ...(compiled.body
      ? compiled.body(body, 'body')
      : decoded === undefined || isEmptyObject(decoded)
        ? []
        : [{ field: 'body', reason: 'must be empty: this route takes no body' }]),
  ];
  return { params, query, body: body as Record<string, unknown>, issues, paramIssues };
}

function isEmptyObject(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0
  );
}
