/** Keyset paging over 1,000 rows, many sharing one timestamp: every row once, in a stable order. */
import { describe, expect, it } from 'vitest';
import type { Page, Payment, StalePaymentQuery } from '../../src/storage/index.js';
import type { Harness } from './harness.js';

const ROWS = 1000;

async function collect(fetch: (cursor: string | null) => Promise<Page<Payment>>): Promise<Payment[]> {
  const all: Payment[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<Payment> = await fetch(cursor);
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return all;
}

function isOrdered(rows: Payment[], field: 'createdAt' | 'updatedAt', direction: 'asc' | 'desc'): boolean {
  return rows.every((row, index) => {
    const previous = rows[index - 1];
    if (previous === undefined) return true;
    const [a, b] = direction === 'desc' ? [row, previous] : [previous, row];
    const delta = b[field].getTime() - a[field].getTime();
    return delta > 0 || (delta === 0 && a.id < b.id);
  });
}

/** Register the paging tests. */
export function registerPagingTests(h: Harness): void {
  describe('keyset paging', () => {
    const userId = `pager-${Math.random().toString(36).slice(2)}`;
    const base = Date.UTC(2024, 0, 1);
    let inserted: Payment[] = [];

    it(`inserts ${ROWS} payments in one transaction (most share a timestamp)`, async () => {
      inserted = await h.store().transaction(async (tx) => {
        const rows: Payment[] = [];
        for (let i = 0; i < ROWS; i += 1) {
          rows.push(
            await tx.payments.insert({
              orderId: h.unique('PG'),
              grossAmount: i + 1,
              userId,
              status: i % 2 === 0 ? 'pending' : 'paid',
              // Four distinct timestamps: 250 rows tie on each, so the id must break the ties.
              createdAt: new Date(base + Math.floor(i / 250) * 1000),
            }),
          );
        }
        return rows;
      });
      expect(inserted).toHaveLength(ROWS);
    });

    it('returns every row exactly once, newest first, across pages of 77', async () => {
      const store = h.store();
      let newcomer: Payment | undefined;
      const rows = await collect(async (cursor) => {
        const page = await store.payments.list({ userId, limit: 77, cursor });
        // A row added mid-way is newer than the cursor, so it neither appears later nor shifts a page.
        newcomer ??= await store.payments.insert({ orderId: h.unique('NEW'), grossAmount: 1, userId });
        return page;
      });

      expect(rows).toHaveLength(ROWS);
      expect(new Set(rows.map((p) => p.id))).toEqual(new Set(inserted.map((p) => p.id)));
      expect(isOrdered(rows, 'createdAt', 'desc')).toBe(true);
      expect(rows.some((p) => p.id === newcomer?.id)).toBe(false);
    });

    it('filters by status while paging', async () => {
      const rows = await collect((cursor) =>
        h.store().payments.list({ userId, status: 'paid', limit: 100, cursor }),
      );
      expect(rows).toHaveLength(ROWS / 2);
      expect(rows.every((p) => p.status === 'paid')).toBe(true);
      expect(isOrdered(rows, 'createdAt', 'desc')).toBe(true);
    });

    it('pages the reconciler list least recently updated first', async () => {
      const query: StalePaymentQuery = {
        statuses: ['pending'],
        updatedBefore: new Date(base + 10_000),
        limit: 64,
      };
      const rows = await collect((cursor) => h.store().payments.listStale({ ...query, cursor }));
      const mine = rows.filter((p) => p.userId === userId);

      expect(new Set(rows.map((p) => p.id)).size).toBe(rows.length);
      expect(mine).toHaveLength(ROWS / 2);
      expect(isOrdered(rows, 'updatedAt', 'asc')).toBe(true);
    });
  });
}
