/**
 * The SQL text of the store's own statements, written once per shape and kept: identifiers come
 * from the kit's table and column names (never from input), values are always placeholders (`?`,
 * or `$1`, `$2`… where the driver numbers them).
 */
import type { Dialect, LockMode } from '../dialect.js';

/** How an update by id is written. */
export interface UpdateShape {
  /** `version = version + 1` is added. */
  readonly bumpVersion: boolean;
  /** `and version = ?` is added after the id (the caller's expected version, bound last). */
  readonly checkVersion: boolean;
  /** The changed row is answered (`returning *`). */
  readonly returning: boolean;
}

/** Writes (and remembers) the statements of one dialect. */
export interface SqlText {
  /** `select * from table where column = ? limit 1`, locked as `lock` says. */
  selectOne(table: string, column: string, lock: LockMode | undefined): string;
  /** `select id from table where column = ? limit 1`: whether a row exists, nothing decoded. */
  selectId(table: string, column: string): string;
  /** `insert into table (columns…) values (?, …)`. */
  insert(table: string, columns: readonly string[]): string;
  /** `update table set column = ?, … where id = ?` in the given shape. */
  update(table: string, columns: readonly string[], shape: UpdateShape): string;
  /** `insert into table (columns…) values (?, …)` that keeps an existing row of the same `key`, when the
   * database can say so in the statement (it then answers the key of a written row); else undefined. */
  insertUnlessDuplicate(table: string, columns: readonly string[], key: string): string | undefined;
}

/** Texts kept per dialect; the kit's shapes are a few hundred at most. */
const MAX_KEPT = 1024;

const NO_NAMES: readonly string[] = [];

/**
 * Statement texts of `dialect` written once per key and kept (at most `max`, then forgotten all
 * at once): `remember(key, write)` gives the kept text, writing it (placeholders numbered where
 * the driver wants) the first time.
 */
export function createTextMemo(dialect: Dialect, max: number) {
  const remember = createListMemo(dialect, max);
  return (key: string, write: () => string): string => remember(key, NO_NAMES, write);
}

/**
 * Like `createTextMemo`, for texts keyed by a head and a list of names (a table's columns): looked
 * up name by name through a tree of maps, so a statement costs no key string joined from its
 * columns (a webhook's writes name 60 columns between them).
 */
export function createListMemo(dialect: Dialect, max: number) {
  interface Node {
    readonly next: Map<string, Node>;
    text?: string;
  }
  const root: Node = { next: new Map() };
  let size = 0;
  const step = (node: Node, name: string): Node => {
    let child = node.next.get(name);
    if (child === undefined) {
      child = { next: new Map() };
      node.next.set(name, child);
    }
    return child;
  };
  return (head: string, names: readonly string[], write: () => string): string => {
    let node = step(root, head);
    for (const name of names) node = step(node, name);
    if (node.text === undefined) {
      if (size >= max) {
        root.next.clear();
        size = 0;
      }
      node.text = dialect.numberedPlaceholders ? numbered(write()) : write();
      size += 1;
    }
    return node.text;
  };
}

/** The statement writer of `dialect`. */
export function createSqlText(dialect: Dialect): SqlText {
  const q = (name: string) => dialect.quoteIdentifier(name);
  const rememberList = createListMemo(dialect, MAX_KEPT);
  const remember = (key: string, write: () => string) => rememberList(key, NO_NAMES, write);
  const insertText = (table: string, columns: readonly string[]) =>
    `insert into ${q(table)} (${columns.map(q).join(', ')}) values (${columns.map(() => '?').join(', ')})`;
  return {
    selectOne: (table, column, lock) =>
      remember(`s ${table} ${column} ${lock ?? ''}`, () => {
        const suffix = lock === undefined ? '' : dialect.lockClause(lock);
        return `select * from ${q(table)} where ${q(column)} = ? limit 1${suffix}`;
      }),
    selectId: (table, column) =>
      remember(
        `k ${table} ${column}`,
        () => `select ${q('id')} from ${q(table)} where ${q(column)} = ? limit 1`,
      ),
    insert: (table, columns) => rememberList(`i ${table}`, columns, () => insertText(table, columns)),
    update: (table, columns, shape) =>
      rememberList(
        `u ${table} ${shape.bumpVersion} ${shape.checkVersion} ${shape.returning}`,
        columns,
        () => {
          const sets = columns.map((column) => `${q(column)} = ?`);
          if (shape.bumpVersion) sets.push(`${q('version')} = ${q('version')} + 1`);
          const version = shape.checkVersion ? ` and ${q('version')} = ?` : '';
          const returning = shape.returning ? ' returning *' : '';
          return `update ${q(table)} set ${sets.join(', ')} where ${q('id')} = ?${version}${returning}`;
        },
      ),
    insertUnlessDuplicate(table, columns, key) {
      if (!dialect.insertCanSkipDuplicate) return undefined;
      return rememberList(
        `d ${table} ${key}`,
        columns,
        () => `${insertText(table, columns)} on conflict (${q(key)}) do nothing returning ${q(key)}`,
      );
    },
  };
}

/** `?` placeholders as `$1`, `$2`…; the texts hold no other `?` (identifiers are the kit's own). */
function numbered(text: string): string {
  let position = 0;
  return text.replace(/\?/g, () => `$${++position}`);
}
