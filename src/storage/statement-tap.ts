/**
 * Internal, not part of the public API (no package entry exports it): the one point where every
 * statement the store sends to its database is reported, so a test can count what a hot path
 * costs (test/services/statement-counts.test.ts pins the counts per database).
 *
 * `createKnexStore` feeds the tap from its Knex instance's `query` event (the Knex-built
 * queries). A statement path that bypasses Knex (the driver path, the store's own transactions:
 * BEGIN, COMMIT, ROLLBACK, savepoints) calls `report` on the tap for each statement it runs, so
 * the counts stay true whichever path a statement takes.
 */
import type { Knex } from 'knex';

/** What kind of statement it is, from its first keyword. */
export type StatementKind =
  | 'begin'
  | 'commit'
  | 'rollback'
  | 'savepoint'
  | 'select'
  | 'insert'
  | 'update'
  | 'delete'
  | 'other';

/** One statement sent to the database. It never carries the bound values. */
export interface StatementReport {
  /** The SQL text with its placeholders. */
  readonly sql: string;
  /** How many values were bound to it. */
  readonly bindingCount: number;
  /** Its kind (from `sql` unless the reporting path says). */
  readonly kind: StatementKind;
  /**
   * The connection it ran on (Knex's connection id), if known: statements between a BEGIN and
   * its COMMIT on one connection are that transaction's. (Knex's own transaction id is lost
   * after a savepoint, so it is not reported.)
   */
  readonly connectionId: string | undefined;
  /**
   * Whether the caller waited for the database's answer before sending the next statement (a
   * round trip; on SQLite an in-process driver call). A path that pipelines or batches statements
   * reports the followers with `false`.
   */
  readonly roundTrip: boolean;
}

/** Receives every statement while it listens. */
export type StatementListener = (statement: StatementReport) => void;

/** The store's statement reporting point. */
export interface StatementTap {
  /** Start listening; returns the function that stops. */
  listen(listener: StatementListener): () => void;
  /** Report a statement a path other than Knex ran. Cheap when nobody listens. */
  report(statement: Omit<StatementReport, 'kind'> & { kind?: StatementKind }): void;
  /** Whether anybody listens (a path may skip building reports when nobody does). */
  readonly listening: boolean;
}

const KEYWORDS: Record<string, StatementKind> = {
  begin: 'begin',
  start: 'begin',
  commit: 'commit',
  rollback: 'rollback',
  savepoint: 'savepoint',
  release: 'savepoint',
  select: 'select',
  with: 'select',
  insert: 'insert',
  update: 'update',
  delete: 'delete',
};

/** The kind of a statement from its SQL text (`ROLLBACK TO SAVEPOINT` counts as a savepoint). */
export function statementKind(sql: string): StatementKind {
  const words = /^\s*(\w+)(?:\s+(\w+))?/.exec(sql);
  const first = words?.[1]?.toLowerCase() ?? '';
  if (first === 'rollback' && words?.[2]?.toLowerCase() === 'to') return 'savepoint';
  return KEYWORDS[first] ?? 'other';
}

/**
 * A tap that subscribes to its source only while somebody listens: `activate` starts feeding it
 * and returns the function that stops, so a store nobody counts pays nothing per statement.
 */
export function createStatementTap(activate: (tap: StatementTap) => () => void): StatementTap {
  const listeners = new Set<StatementListener>();
  let deactivate: (() => void) | undefined;
  const tap: StatementTap = {
    listen(listener) {
      listeners.add(listener);
      deactivate ??= activate(tap);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && deactivate !== undefined) {
          deactivate();
          deactivate = undefined;
        }
      };
    },
    report(statement) {
      if (listeners.size === 0) return;
      const full: StatementReport = { ...statement, kind: statement.kind ?? statementKind(statement.sql) };
      for (const listener of listeners) listener(full);
    },
    get listening() {
      return listeners.size > 0;
    },
  };
  return tap;
}

interface KnexQueryEvent {
  sql?: unknown;
  bindings?: unknown;
  __knexUid?: unknown;
}

/**
 * Feed a tap from a Knex instance's `query` event: every statement Knex runs (the store's own
 * statements and transactions report themselves). A host's own Knex instance shared with the
 * store reports the host's statements too.
 */
export function feedFromKnex(knex: Knex): (tap: StatementTap) => () => void {
  return (tap) => {
    const onQuery = (event: KnexQueryEvent) => {
      tap.report({
        sql: typeof event.sql === 'string' ? event.sql : String(event.sql),
        bindingCount: Array.isArray(event.bindings) ? event.bindings.length : 0,
        connectionId: typeof event.__knexUid === 'string' ? event.__knexUid : undefined,
        // Knex sends one statement per driver call and waits for its answer.
        roundTrip: true,
      });
    };
    knex.on('query', onQuery);
    return () => {
      knex.off('query', onQuery);
    };
  };
}

const taps = new WeakMap<object, StatementTap>();

/** Remember `tap` as the statement tap of `store`. */
export function registerStatementTap(store: object, tap: StatementTap): void {
  taps.set(store, tap);
}

/** The statement tap of a store made by `createKnexStore` (undefined for any other object). */
export function statementTapOf(store: object): StatementTap | undefined {
  return taps.get(store);
}
