/**
 * Choosing the stored deliveries `reprocess` runs again. Replays are new rows pointing at their
 * original (`replayOf`), so the original keeps the verdict it got when it arrived and the audit
 * trail shows every decision; a filter therefore selects originals only, never earlier replays.
 */
import { NotFoundError } from '../../errors.js';
import type { Notification, NotificationOutcome } from '../../storage/records/notification.js';
import type { Repositories } from '../../storage/store.js';
import { type NotificationVerdict, VERDICT_OUTCOME } from './notification-verdicts.js';

/** A verdict to select by; `received` selects deliveries stored but never decided (a crash). */
export type ReplayableVerdict = NotificationVerdict | 'received';

/** Which stored deliveries to replay. */
export interface ReprocessFilter {
  /** Only deliveries received at or after this time. */
  since?: Date;
  /** Only deliveries that got this verdict (or one of these). Default: every verdict. */
  verdict?: ReplayableVerdict | readonly ReplayableVerdict[];
}

/** A stored delivery's id, or a filter. */
export type ReprocessTarget = string | ReprocessFilter;

const PAGE = 200;

/** The deliveries to replay, oldest first. */
export async function selectForReplay(
  repos: Pick<Repositories, 'notifications'>,
  target: ReprocessTarget,
): Promise<Notification[]> {
  if (typeof target === 'string') {
    const found = await repos.notifications.findById(target);
    if (found === undefined) throw new NotFoundError(`No notification with id "${target}"`);
    return [found];
  }
  const outcomes = outcomesOf(target.verdict);
  const selected = new Map<string, Notification>();
  for (const outcome of outcomes ?? [undefined]) {
    for (const item of await listSince(repos, outcome, target.since)) {
      if (item.replayOf === null) selected.set(item.id, item);
    }
  }
  return [...selected.values()].sort(
    (a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.id.localeCompare(b.id),
  );
}

function outcomesOf(verdict: ReprocessFilter['verdict']): NotificationOutcome[] | undefined {
  if (verdict === undefined) return undefined;
  const verdicts: readonly ReplayableVerdict[] = typeof verdict === 'string' ? [verdict] : verdict;
  return [...new Set(verdicts.map((v) => (v === 'received' ? 'received' : VERDICT_OUTCOME[v])))];
}

// Newest first, so paging stops at the first row older than `since`.
async function listSince(
  repos: Pick<Repositories, 'notifications'>,
  outcome: NotificationOutcome | undefined,
  since: Date | undefined,
): Promise<Notification[]> {
  const rows: Notification[] = [];
  let cursor: string | undefined;
  do {
    const page = await repos.notifications.list({
      limit: PAGE,
      ...(outcome === undefined ? {} : { outcome }),
      ...(cursor === undefined ? {} : { cursor }),
    });
    for (const item of page.items) {
      if (since !== undefined && item.receivedAt < since) return rows;
      rows.push(item);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return rows;
}
