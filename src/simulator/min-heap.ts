/**
 * A binary min-heap ordered by a numeric key, then by insertion order, so that
 * work due at the same instant runs in the order it was scheduled.
 */

/** An entry of the heap. */
export interface HeapEntry {
  /** Sort key (simulator epoch milliseconds). */
  at: number;
  /** Tie-breaker: insertion sequence. */
  seq: number;
}

/** Minimal min-heap over {@link HeapEntry}. */
export interface MinHeap<T extends HeapEntry> {
  /** Number of entries, including lazily cancelled ones. */
  readonly size: number;
  /** Add an entry. O(log n). */
  push(entry: T): void;
  /** Smallest entry without removing it. */
  peek(): T | undefined;
  /** Remove and return the smallest entry. O(log n). */
  pop(): T | undefined;
  /** Drop everything. */
  clear(): void;
}

function less(a: HeapEntry, b: HeapEntry): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

/** Create an empty min-heap. */
export function createMinHeap<T extends HeapEntry>(): MinHeap<T> {
  let items: T[] = [];

  const swap = (i: number, j: number): void => {
    const a = items[i] as T;
    items[i] = items[j] as T;
    items[j] = a;
  };

  const up = (start: number): void => {
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!less(items[i] as T, items[parent] as T)) return;
      swap(i, parent);
      i = parent;
    }
  };

  const down = (start: number): void => {
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < items.length && less(items[left] as T, items[smallest] as T)) smallest = left;
      if (right < items.length && less(items[right] as T, items[smallest] as T)) smallest = right;
      if (smallest === i) return;
      swap(i, smallest);
      i = smallest;
    }
  };

  return {
    get size() {
      return items.length;
    },
    push(entry) {
      items.push(entry);
      up(items.length - 1);
    },
    peek() {
      return items[0];
    },
    pop() {
      const top = items[0];
      const last = items.pop();
      if (items.length > 0 && last !== undefined) {
        items[0] = last;
        down(0);
      }
      return top;
    },
    clear() {
      items = [];
    },
  };
}
