/**
 * The database driver a Knex config needs, checked before Knex is asked to use it. Without this, a
 * host that copied `{ client: 'pg', … }` but never installed `pg` meets only Knex's "Unable to acquire
 * a connection" on the first query; we name the package and the command that installs it, once.
 */
import { createRequire } from 'node:module';
import { ConfigError } from '../errors.js';

/** The npm package behind each Knex client name the kit supports. */
const DRIVER_OF: Readonly<Record<string, string>> = {
  pg: 'pg',
  postgres: 'pg',
  postgresql: 'pg',
  mysql2: 'mysql2',
  mysql: 'mysql',
  'better-sqlite3': 'better-sqlite3',
  sqlite3: 'sqlite3',
  sqlite: 'sqlite3',
};

/** Whether `name` can be loaded from where Knex loads its drivers. */
export type ModuleResolver = (name: string) => boolean;

/**
 * Throw a ConfigError naming the missing package and its install command when the driver of
 * `client` cannot be loaded. Unknown clients are left to Knex (and to the dialect check).
 */
export function assertDriverInstalled(client: unknown, resolvable: ModuleResolver = fromKnex()): void {
  if (typeof client !== 'string') return;
  const driver = DRIVER_OF[client];
  if (driver === undefined || resolvable(driver)) return;
  throw new ConfigError(
    'database',
    `client "${client}" needs the "${driver}" package, which is not installed: run npm install ${driver}`,
  );
}

/** Resolve from Knex's own folder, as Knex itself requires the driver (pnpm keeps them apart). */
function fromKnex(): ModuleResolver {
  const ours = createRequire(import.meta.url);
  let knexRequire = ours;
  try {
    knexRequire = createRequire(ours.resolve('knex'));
  } catch {
    // Knex itself missing: the import of knex failed long before this point.
  }
  return (name) => {
    try {
      knexRequire.resolve(name);
      return true;
    } catch {
      return false;
    }
  };
}
