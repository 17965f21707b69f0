/** Matching a dashboard path against `:name` patterns (exact segment count, case-sensitive). */

/** Parameters of a matching pattern, or undefined. */
export function matchPattern(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('?')[0]?.split('/').filter(Boolean) ?? [];
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const segment = got[i] ?? '';
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(segment);
      } catch {
        return undefined;
      }
    } else if (part !== segment) {
      return undefined;
    }
  }
  return params;
}

/** A path parameter for a URL: `encodeURIComponent`, the inverse of the matcher's decoding. */
export function seg(value: string): string {
  return encodeURIComponent(value);
}
