/**
 * Databases for the benches: SQLite in a temporary file (WAL, as the kit configures it), MariaDB
 * on 127.0.0.1:3306 and PostgreSQL on 127.0.0.1:5432, each in a database of its own
 * (`mtbench_…`), dropped afterwards. `BENCH_MYSQL_URL` / `BENCH_PG_URL` override the servers
 * (defaults `mysql://root@127.0.0.1:3306`, `postgres://postgres@127.0.0.1:5432`).
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory, { type Knex } from 'knex';

/** Database families the benches compare. */
export type BenchDbKind = 'sqlite' | 'mariadb' | 'postgres';

/** A database made for one bench, and how to get rid of it. */
export interface BenchDatabase {
  kind: BenchDbKind;
  /** Knex config for the kit (or any other Knex instance). */
  config: Knex.Config;
  /** SQLite file path or MariaDB database name. */
  name: string;
  /** Server URL with the database (MariaDB, PostgreSQL) — for hand-written driver code. */
  url: string;
  /** Delete the file or drop the database. */
  drop(): Promise<void>;
}

const serverUrl = (): string => process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const pgServerUrl = (): string => process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';

/** Create an empty database of `kind`. */
export async function createBenchDatabase(kind: BenchDbKind, poolMax = 8): Promise<BenchDatabase> {
  const suffix = `${process.pid}_${randomBytes(3).toString('hex')}`;
  if (kind === 'sqlite') {
    const file = join(tmpdir(), `midtrans-bench-${suffix}.sqlite`);
    return {
      kind,
      name: file,
      url: file,
      config: { client: 'better-sqlite3', connection: { filename: file }, useNullAsDefault: true },
      async drop() {
        for (const extra of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${extra}`, { force: true });
      },
    };
  }
  const name = `mtbench_${suffix}`;
  if (kind === 'postgres') return createPostgresDatabase(name, poolMax);
  const admin = knexFactory({ client: 'mysql2', connection: serverUrl(), pool: { min: 0, max: 1 } });
  try {
    await admin.raw(`CREATE DATABASE \`${name}\``);
  } finally {
    await admin.destroy();
  }
  const url = `${serverUrl()}/${name}`;
  return {
    kind,
    name,
    url,
    config: { client: 'mysql2', connection: url, pool: { min: 0, max: poolMax } },
    async drop() {
      const dropper = knexFactory({ client: 'mysql2', connection: serverUrl(), pool: { min: 0, max: 1 } });
      try {
        await dropper.raw(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await dropper.destroy();
      }
    },
  };
}

async function createPostgresDatabase(name: string, poolMax: number): Promise<BenchDatabase> {
  const adminConfig = { client: 'pg', connection: `${pgServerUrl()}/postgres`, pool: { min: 0, max: 1 } };
  const admin = knexFactory(adminConfig);
  try {
    await admin.raw(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.destroy();
  }
  const url = `${pgServerUrl()}/${name}`;
  return {
    kind: 'postgres',
    name,
    url,
    config: { client: 'pg', connection: url, pool: { min: 0, max: poolMax } },
    async drop() {
      const dropper = knexFactory(adminConfig);
      try {
        await dropper.raw(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await dropper.destroy();
      }
    },
  };
}
