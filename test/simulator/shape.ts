/**
 * `expectSameShape`: compare a simulator answer with a Midtrans fixture by key set, JSON type
 * and string format ("N.00" amounts, `YYYY-MM-DD HH:MM:SS` times, 128-hex signatures…).
 * Returns every mismatch, each naming the field's path.
 */

const FORMATS: [string, RegExp][] = [
  ['signature (128 lowercase hex)', /^[0-9a-f]{128}$/],
  ['amount "N.00"', /^\d+\.00$/],
  ['time "YYYY-MM-DD HH:MM:SS"', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/],
  ['time "YYYY-MM-DD HH:MM:SS +0700"', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+0700$/],
  ['time "YYYY-MM-DDTHH:MM:SS.ffffff"', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/],
  ['time "YYYY-MM-DDTHH:MM:SS.ffffffZ"', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/],
  ['uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/],
  ['url', /^https?:\/\//],
  ['digits', /^\d+$/],
];

function formatOf(text: string): string | undefined {
  return FORMATS.find(([, pattern]) => pattern.test(text))?.[0];
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Options of {@link sameShapeMismatches}. */
export interface ShapeOptions {
  /**
   * Keys (by name, at any depth) that may be present in one and absent in the other: optional
   * fields the docs show in some samples but not others.
   */
  optional?: readonly string[];
}

/** Every difference in shape between `actual` and `expected`, as `path: problem` lines. */
export function sameShapeMismatches(
  actual: unknown,
  expected: unknown,
  path = '$',
  options: ShapeOptions = {},
): string[] {
  const out: string[] = [];
  const optional = new Set(options.optional ?? []);
  const walk = (a: unknown, e: unknown, at: string): void => {
    const ta = jsonType(a);
    const te = jsonType(e);
    if (ta !== te) {
      out.push(`${at}: expected ${te}, got ${ta} (${JSON.stringify(a)?.slice(0, 60)})`);
      return;
    }
    if (te === 'string') {
      const format = formatOf(e as string);
      if (format && formatOf(a as string) !== format)
        out.push(`${at}: expected ${format}, got ${JSON.stringify(a)}`);
      return;
    }
    if (te === 'array') {
      const first = (e as unknown[])[0];
      if (first === undefined) return;
      (a as unknown[]).forEach((item, index) => {
        walk(item, first, `${at}[${index}]`);
      });
      return;
    }
    if (te === 'object') {
      const ao = a as Record<string, unknown>;
      const eo = e as Record<string, unknown>;
      for (const key of Object.keys(eo)) {
        if (!(key in ao)) {
          if (!optional.has(key)) out.push(`${at}.${key}: missing`);
          continue;
        }
        walk(ao[key], eo[key], `${at}.${key}`);
      }
      for (const key of Object.keys(ao)) {
        if (!(key in eo) && !optional.has(key)) out.push(`${at}.${key}: not in the fixture`);
      }
    }
  };
  walk(actual, expected, path);
  return out;
}

/** Throw when shapes differ, listing every mismatch. */
export function expectSameShape(
  actual: unknown,
  expected: unknown,
  path = '$',
  options: ShapeOptions = {},
): void {
  const mismatches = sameShapeMismatches(actual, expected, path, options);
  if (mismatches.length > 0) throw new Error(`Shape mismatch:\n  ${mismatches.join('\n  ')}`);
}
