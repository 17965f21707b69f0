/**
 * Records the statements a store runs during one window (through the store's internal statement
 * tap, src/storage/statement-tap.ts), counts them per kind, and prints them with the bound values
 * left out and the test's random table prefix replaced, so two runs compare line by line.
 */
import { type StatementReport, statementTapOf } from '../../src/storage/statement-tap.js';

/** Statement counts of one window. */
export interface StatementCounts {
  /** Every statement sent. */
  total: number;
  /** Transactions begun (BEGIN). */
  transactions: number;
  commit: number;
  rollback: number;
  /** SAVEPOINT, RELEASE SAVEPOINT and ROLLBACK TO SAVEPOINT. */
  savepoint: number;
  select: number;
  insert: number;
  update: number;
  delete: number;
  /** Anything else (DDL, pragmas). */
  other: number;
  /** Statements whose answer was awaited before the next one was sent. */
  roundTrips: number;
}

/** What one window ran. */
export interface StatementLog {
  readonly statements: readonly StatementReport[];
  counts(): StatementCounts;
  /** One line per statement: kind, connection (left out with `connections: false`), SQL text, number of bound values. */
  lines(options?: { connections?: boolean }): string[];
}

/** A recording in progress. */
export interface StatementRecording {
  /** Stop recording and return what was recorded. */
  stop(): StatementLog;
}

/** Start recording the statements of a store made by `createKnexStore` (e.g. `kit.store`). */
export function recordStatements(store: object, tablePrefix: string): StatementRecording {
  const tap = statementTapOf(store);
  if (tap === undefined) throw new Error('recordStatements: not a store made by createKnexStore');
  const statements: StatementReport[] = [];
  const stopListening = tap.listen((statement) => statements.push(statement));
  return {
    stop() {
      stopListening();
      return logOf(statements, tablePrefix);
    },
  };
}

/** Run `fn` while recording the store's statements. */
export async function withStatements<T>(
  store: object,
  tablePrefix: string,
  fn: () => Promise<T>,
): Promise<{ result: T; log: StatementLog }> {
  const recording = recordStatements(store, tablePrefix);
  try {
    const result = await fn();
    return { result, log: recording.stop() };
  } catch (error) {
    recording.stop();
    throw error;
  }
}

function logOf(statements: readonly StatementReport[], tablePrefix: string): StatementLog {
  return {
    statements,
    counts() {
      const counts: StatementCounts = {
        total: statements.length,
        transactions: 0,
        commit: 0,
        rollback: 0,
        savepoint: 0,
        select: 0,
        insert: 0,
        update: 0,
        delete: 0,
        other: 0,
        roundTrips: 0,
      };
      for (const { kind, roundTrip } of statements) {
        if (kind === 'begin') counts.transactions += 1;
        else counts[kind] += 1;
        if (roundTrip) counts.roundTrips += 1;
      }
      return counts;
    },
    lines(options = {}) {
      // Knex numbers connections and savepoints per process (trx12); the first ones seen in the
      // window are C1 and sp1, so two windows print alike.
      const connections = new Map<string, string>();
      const savepoints = new Map<string, string>();
      const nameOf = (names: Map<string, string>, id: string, prefix: string) => {
        if (!names.has(id)) names.set(id, `${prefix}${names.size + 1}`);
        return names.get(id) ?? id;
      };
      return statements.map(({ kind, sql, bindingCount, connectionId }) => {
        // Which pooled connection serves a statement is the pool's choice (the one released last),
        // so a comparison of two runs may leave it out.
        const on =
          connectionId === undefined || options.connections === false
            ? ''
            : nameOf(connections, connectionId, 'C');
        const text = sql
          .replaceAll(tablePrefix, '<prefix>')
          .replace(/\btrx\d+\b/g, (id) => nameOf(savepoints, id, 'sp'))
          .replace(/\s+/g, ' ')
          .trim();
        const bound = bindingCount > 0 ? `  [${bindingCount} bound]` : '';
        return `${kind.padEnd(9)} ${on.padEnd(3)} ${text}${bound}`;
      });
    },
  };
}
