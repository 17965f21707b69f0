/** Running async work over a list with a cap on how much runs at once. */

/**
 * Call `fn` for every item, at most `limit` at a time, and resolve when all have settled.
 * `fn` must not throw (record failures itself): one failure must not stop the others.
 */
export async function forEachBounded<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
