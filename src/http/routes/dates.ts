/** JSON has no dates: the few date fields of request bodies arrive as ISO text and become Dates. */

/** A copy of `body` with the values at these dotted paths turned into Dates (ajv checked their format). */
export function withDates(body: Record<string, unknown>, paths: readonly string[]): Record<string, unknown> {
  const copy = structuredClone(body);
  for (const path of paths) {
    const keys = path.split('.');
    const last = keys.pop() ?? '';
    let target: unknown = copy;
    for (const key of keys) target = (target as Record<string, unknown> | undefined)?.[key];
    if (typeof target === 'object' && target !== null) {
      const holder = target as Record<string, unknown>;
      if (typeof holder[last] === 'string') holder[last] = new Date(holder[last]);
    }
  }
  return copy;
}
