/** Storage: the Store contract, its record types, and the Knex implementation. */
export type { ColumnKind } from './codec.js';
export {
  type DatabaseOption,
  DEFAULT_SQLITE_FILE,
  defaultSqliteConfig,
  isKnexInstance,
  SQLITE_BUSY_TIMEOUT_MS,
} from './connection.js';
export type { DialectName, LockMode } from './dialect.js';
export { newId } from './ids.js';
export { UnsafeIntegerError } from './integers.js';
export type { JsonArray, JsonDocument, JsonObject } from './json.js';
export { createKnexStore, type KnexStore, type KnexStoreOptions } from './knex-store.js';
export type { MigrationReport } from './migrate.js';
export {
  type CursorPosition,
  DEFAULT_PAGE_SIZE,
  decodeCursor,
  encodeCursor,
  MAX_PAGE_SIZE,
  type Page,
  type PageRequest,
} from './paging.js';
export type * from './records/common.js';
export type * from './records/event-delivery.js';
export type * from './records/gopay-account.js';
export type * from './records/invoice.js';
export type * from './records/notification.js';
export type * from './records/outbox-event.js';
export type * from './records/payment.js';
export type * from './records/payment-event.js';
export type * from './records/payment-link.js';
export type * from './records/refund.js';
export type * from './records/subscription.js';
export { NOTIFICATION_SUMMARY_MAX_LENGTH } from './repositories/notifications.js';
export type { Repositories, Store, StoreTransaction } from './store.js';
export { DEFAULT_TABLE_PREFIX, migrationTableName, type TableNames, tableNames } from './tables.js';
