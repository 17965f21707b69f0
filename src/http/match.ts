/**
 * Path matching for the route table and the dashboard's pages alike: `:name` segments, exact
 * segment count, case-sensitive, parameters percent-decoded (a segment that does not decode
 * matches nothing).
 */
import type { RouteDefinition } from './route-types.js';

/** A route that matched, with its decoded path parameters. */
export interface RouteMatch {
  /** The route. */
  route: RouteDefinition;
  /** Decoded parameters. */
  params: Record<string, string>;
}

/** The route for a method and a path relative to the mount point, or undefined. */
export function matchRoute(
  routes: readonly RouteDefinition[],
  method: string,
  path: string,
): RouteMatch | undefined {
  const wanted = method.toUpperCase();
  const segments = split(path);
  for (const route of routes) {
    if (route.method !== wanted) continue;
    const params = matchSegments(split(route.path), segments);
    if (params !== undefined) return { route, params };
  }
  return undefined;
}

/** The decoded parameters of `path` (a query string is ignored) if it matches `pattern`. */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  return matchSegments(split(pattern), split(path));
}

/** A path parameter for a URL: `encodeURIComponent`, the inverse of the matcher's decoding. */
export function seg(value: string): string {
  return encodeURIComponent(value);
}

function matchSegments(pattern: string[], segments: string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of pattern.entries()) {
    const segment = segments[i] ?? '';
    if (part.startsWith(':')) {
      const value = decode(segment);
      if (value === undefined) return undefined;
      params[part.slice(1)] = value;
    } else if (part !== segment) {
      return undefined;
    }
  }
  return params;
}

function split(path: string): string[] {
  const clean = path.split('?')[0] ?? '';
  return clean.split('/').filter((segment) => segment.length > 0);
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
