/**
 * `midtrans-kit/http`: the framework-free HTTP surface — the route table, the request handler,
 * error mapping and the OpenAPI document. The Express and Koa adapters are thin layers over it;
 * another framework needs only `createHttpHandler` and `nodeBody`.
 * @packageDocumentation
 */

export type { HtmlValue } from '../dashboard/html.js';
// The staff dashboard is part of the framework-free HTTP surface: the adapters mount it from here.
export * from '../dashboard/index.js';
export { checkAccess } from './access.js';
export { decodeJsonBody, type NodeBodySource, nodeBody, readRawBody } from './body.js';
export { createHttpHandler, type HttpHandler } from './handle.js';
export { matchRoute, type RouteMatch } from './match.js';
export { createOpenApiDocument, type OpenApiDocument, type OpenApiOptions } from './openapi.js';
export { HttpProblem, jsonResponse, type ProblemBody, problemOf, problemResponse } from './problem.js';
export type { RouteKit } from './route-kit.js';
export type * from './route-types.js';
export { createRouteTable } from './routes.js';
export type { JsonSchema } from './schemas/json-schema.js';
export {
  type AuthorizeContext,
  DEFAULT_BODY_LIMIT,
  type HttpHeaders,
  type HttpOptions,
  type HttpRequest,
  type HttpResponse,
} from './types.js';
export { type WebRequestParts, webBody, webRequestParts, webResponse } from './web-request.js';
