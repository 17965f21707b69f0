/**
 * Kit configuration from environment variables, for the `migrate` and `reconcile` commands a host
 * runs from cron or a deploy step. Every value is checked by the same rules as `createMidtrans`.
 */
import type { Knex } from 'knex';
import { ConfigError } from './errors.js';
import type { MidtransOptions } from './kit.js';
import { DEFAULT_SQLITE_FILE } from './storage/connection.js';

/** The variables read, as documented in docs/webhooks.md. */
export const ENV_VARIABLES = [
  'MIDTRANS_SERVER_KEY',
  'MIDTRANS_CLIENT_KEY',
  'MIDTRANS_IS_PRODUCTION',
  'MIDTRANS_API_BASE_URL',
  'MIDTRANS_DATABASE_URL',
  'DATABASE_URL',
  'MIDTRANS_TABLE_PREFIX',
] as const;

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The Knex config for the database URL (see `databaseUrlOf`): `mysql://` / `mariadb://` → mysql2,
 * `postgres://` / `postgresql://` → pg, anything else a SQLite file path (default `./midtrans.sqlite`).
 */
export function databaseFromUrl(url: string | undefined, variable = 'DATABASE_URL'): Knex.Config {
  const value = url?.trim() || DEFAULT_SQLITE_FILE;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1]?.toLowerCase();
  if (scheme === 'mysql' || scheme === 'mariadb') {
    return { client: 'mysql2', connection: value.replace(/^mariadb:/i, 'mysql:') };
  }
  if (scheme === 'postgres' || scheme === 'postgresql') return { client: 'pg', connection: value };
  if (scheme !== undefined && scheme !== 'file' && scheme !== 'sqlite') {
    throw new ConfigError(variable, `unsupported scheme "${scheme}"`);
  }
  const filename = value.replace(/^(?:file|sqlite):\/\//i, '');
  return { client: 'better-sqlite3', connection: { filename }, useNullAsDefault: true };
}

/**
 * The database URL the commands use: `DATABASE_URL`, the variable the README's app reads too, unless
 * `MIDTRANS_DATABASE_URL` says the kit's tables live somewhere else.
 */
export function databaseUrlOf(env: Env): string | undefined {
  return env.MIDTRANS_DATABASE_URL?.trim() || env.DATABASE_URL?.trim() || undefined;
}

/** Kit options from the environment. Without `MIDTRANS_SERVER_KEY` only the store is usable. */
export function kitOptionsFromEnv(env: Env): MidtransOptions {
  const options: MidtransOptions = {
    serverKey: env.MIDTRANS_SERVER_KEY ?? '',
    database: databaseFromUrl(
      databaseUrlOf(env),
      env.MIDTRANS_DATABASE_URL?.trim() ? 'MIDTRANS_DATABASE_URL' : 'DATABASE_URL',
    ),
  };
  if (env.MIDTRANS_CLIENT_KEY) options.clientKey = env.MIDTRANS_CLIENT_KEY;
  if (env.MIDTRANS_IS_PRODUCTION !== undefined) {
    options.isProduction = parseBoolean('MIDTRANS_IS_PRODUCTION', env.MIDTRANS_IS_PRODUCTION);
  }
  if (env.MIDTRANS_API_BASE_URL) options.apiBaseUrl = env.MIDTRANS_API_BASE_URL;
  if (env.MIDTRANS_TABLE_PREFIX !== undefined) options.tablePrefix = env.MIDTRANS_TABLE_PREFIX;
  return options;
}

function parseBoolean(name: string, value: string): boolean {
  const normalized = value.trim().toLowerCase();
  if (['1', 'true', 'yes'].includes(normalized)) return true;
  if (['0', 'false', 'no', ''].includes(normalized)) return false;
  throw new ConfigError(name, 'must be true or false');
}
