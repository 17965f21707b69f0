import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cancelHookOf, Deadline, withCancelHook } from '../../src/client/deadline.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const never = new Promise<never>(() => {});

describe('Deadline', () => {
  it('when the time is up: the race rejects with a TimeoutError, listeners and the signal follow', async () => {
    const deadline = new Deadline(100, undefined);
    const cancelled: unknown[] = [];
    deadline.onCancel((reason) => cancelled.push(reason));
    const raced = deadline.race(never).catch((e: unknown) => e);
    vi.advanceTimersByTime(99);
    expect(cancelled).toEqual([]);
    vi.advanceTimersByTime(1);
    const error = await raced;
    expect(error).toMatchObject({ name: 'TimeoutError' });
    expect(deadline.timedOut()).toBe(true);
    expect(cancelled).toEqual([error]);
    // Read after the fact, the signal is born aborted with the same reason.
    expect(deadline.signal.aborted).toBe(true);
    expect(deadline.signal.reason).toBe(error);
  });

  it('a signal read before the time is up aborts when it is', () => {
    const deadline = new Deadline(50, undefined);
    const { signal } = deadline;
    expect(signal.aborted).toBe(false);
    vi.advanceTimersByTime(50);
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toMatchObject({ name: 'TimeoutError' });
  });

  it("the caller's abort wins with its own reason and is not a timeout", async () => {
    const caller = new AbortController();
    const deadline = new Deadline(1_000, caller.signal);
    const cancelled: unknown[] = [];
    deadline.onCancel((reason) => cancelled.push(reason));
    const raced = deadline.race(never).catch((e: unknown) => e);
    const reason = new Error('user went away');
    caller.abort(reason);
    expect(await raced).toBe(reason);
    expect(cancelled).toEqual([reason]);
    expect(deadline.timedOut()).toBe(false);
  });

  it('an already aborted caller signal cancels at once', async () => {
    const reason = new Error('gone before we started');
    const deadline = new Deadline(1_000, AbortSignal.abort(reason));
    expect(await deadline.race(Promise.resolve('late')).catch((e: unknown) => e)).toBe(reason);
    const cancelled: unknown[] = [];
    deadline.onCancel((r) => cancelled.push(r));
    expect(cancelled).toEqual([reason]);
    expect(deadline.signal.reason).toBe(reason);
  });

  it('settles like the raced promise when it comes in time; nothing fires after clear()', async () => {
    const caller = new AbortController();
    const deadline = new Deadline(100, caller.signal);
    const cancelled: unknown[] = [];
    deadline.onCancel((reason) => cancelled.push(reason));
    expect(await deadline.race(Promise.resolve('answer'))).toBe('answer');
    await expect(deadline.race(Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    deadline.clear();
    vi.advanceTimersByTime(1_000);
    caller.abort(new Error('too late to matter'));
    expect(cancelled).toEqual([]);
    expect(deadline.timedOut()).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('every listener runs even when one throws', () => {
    const deadline = new Deadline(10, undefined);
    const seen: string[] = [];
    deadline.onCancel(() => {
      throw new Error('broken transport');
    });
    deadline.onCancel(() => seen.push('second'));
    vi.advanceTimersByTime(10);
    expect(seen).toEqual(['second']);
  });

  it('creates no AbortController unless the signal is read', () => {
    let created = 0;
    vi.stubGlobal(
      'AbortController',
      class Counted extends AbortController {
        constructor() {
          super();
          created += 1;
        }
      },
    );
    try {
      const deadline = new Deadline(10, undefined);
      vi.advanceTimersByTime(10);
      expect(created).toBe(0);
      expect(deadline.signal.aborted).toBe(true);
      expect(created).toBe(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('cancel hooks on transport requests', () => {
  it('travel with the request, also into a spread copy, and stay out of its JSON', () => {
    const deadline = new Deadline(10, undefined);
    const request = withCancelHook({ url: 'http://x/' }, deadline);
    const copy = { ...request, url: 'http://proxy/' };
    const cancelled: unknown[] = [];
    cancelHookOf(copy)?.((reason) => cancelled.push(reason));
    expect(JSON.stringify(request)).toBe('{"url":"http://x/"}');
    vi.advanceTimersByTime(10);
    expect(cancelled).toHaveLength(1);
    expect(cancelHookOf({ url: 'http://x/' })).toBeUndefined();
  });
});
