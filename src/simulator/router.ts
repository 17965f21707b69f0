/**
 * A tiny path router: a trie over path segments with `:param` wildcards, so matching costs
 * the number of segments, never the number of routes or records.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { JsonValue } from '../wire-types.js';
import type { SimContext } from './context.js';

/**
 * API families; each has its own auth failure and error shape (see wire-errors.ts). `token` calls
 * carry the client key in the query; `bin` accepts the server or the client key as Basic auth.
 */
export type ApiFamily = 'core' | 'snap' | 'subscription' | 'invoice' | 'token' | 'bin' | 'control' | 'page';

/** A parsed request as handlers see it. */
export interface SimRequest {
  method: string;
  path: string;
  params: string[];
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body (undefined when empty), or the form fields of a page POST. */
  body: JsonValue | undefined;
  form: URLSearchParams | undefined;
}

/** What a handler answers. */
export interface SimResponse {
  status: number;
  body?: JsonValue;
  html?: string;
  /** A PNG image (the QR code behind `generate-qr-code`). */
  png?: Uint8Array;
  /** Redirect target (sent as 303 See Other after a form POST, or as given by `status`). */
  location?: string;
}

/** A route handler. */
export type Handler = (ctx: SimContext, req: SimRequest) => SimResponse | Promise<SimResponse>;

/** A registered route. */
export interface Route {
  family: ApiFamily;
  handler: Handler;
  /** Whether the Core `Idempotency-Key` header applies. */
  idempotent?: boolean;
}

interface Node {
  fixed: Map<string, Node>;
  param: Node | undefined;
  routes: Map<string, Route>;
}

const newNode = (): Node => ({ fixed: new Map(), param: undefined, routes: new Map() });

/** A router. */
export interface Router {
  add(method: string, pattern: string, route: Route): void;
  /** The route and its params, or undefined; `methodMismatch` when the path exists for another method. */
  match(method: string, path: string): { route: Route; params: string[] } | 'method-mismatch' | undefined;
}

/** Create an empty router. */
export function createRouter(): Router {
  const root = newNode();
  return {
    add(method, pattern, route) {
      let node = root;
      for (const segment of pattern.split('/').filter(Boolean)) {
        if (segment.startsWith(':')) {
          node.param ??= newNode();
          node = node.param;
        } else {
          let next = node.fixed.get(segment);
          if (!next) {
            next = newNode();
            node.fixed.set(segment, next);
          }
          node = next;
        }
      }
      node.routes.set(method, route);
    },
    match(method, path) {
      const segments = path.split('/').filter(Boolean);
      const params: string[] = [];
      let sawPath = false;
      // Fixed segments win; a param is tried when the fixed branch does not lead to a route.
      const walk = (node: Node, index: number): Route | undefined => {
        if (index === segments.length) {
          if (node.routes.size > 0) sawPath = true;
          return node.routes.get(method);
        }
        const raw = segments[index] as string;
        const fixed = node.fixed.get(raw);
        if (fixed) {
          const found = walk(fixed, index + 1);
          if (found) return found;
        }
        if (!node.param) return undefined;
        params.push(decodeSegment(raw));
        const found = walk(node.param, index + 1);
        if (!found) params.pop();
        return found;
      };
      const route = walk(root, 0);
      if (route) return { route, params };
      return sawPath ? 'method-mismatch' : undefined;
    },
  };
}

function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
