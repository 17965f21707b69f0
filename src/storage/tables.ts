/**
 * Table names. Every table carries one configurable prefix so the kit can live in a host's
 * database beside the host's own tables, and two kits can share one database.
 */
import { ConfigError } from '../errors.js';

/** Prefix used when the host does not choose one. */
export const DEFAULT_TABLE_PREFIX = 'midtrans_';

// Bounded so that prefixed index and constraint names stay under MySQL's 64 and PostgreSQL's 63 characters.
const PREFIX_PATTERN = /^(?:[a-z][a-z0-9_]{0,23})?$/;

/** The physical name of every midtrans-kit table for one prefix. */
export interface TableNames {
  /** The prefix the names were built from. */
  readonly prefix: string;
  /** Payments (one row per Midtrans order). */
  readonly payments: string;
  /** Refunds of payments. */
  readonly refunds: string;
  /** Invoices (Midtrans Invoicing API). */
  readonly invoices: string;
  /** Line items of invoices. */
  readonly invoiceItems: string;
  /** Recurring subscriptions. */
  readonly subscriptions: string;
  /** Every webhook delivery received. */
  readonly notifications: string;
  /** Status history of payments. */
  readonly paymentEvents: string;
  /** Lifecycle events waiting to be (or already) dispatched. */
  readonly outbox: string;
  /** Named event consumers: an event is done when every one of them has it. */
  readonly eventConsumers: string;
  /** Per-consumer delivery state of outbox events. */
  readonly eventDeliveries: string;
  /** Payment links (Midtrans Payment Link API). */
  readonly paymentLinks: string;
  /** Line items of payment links. */
  readonly paymentLinkItems: string;
  /** Linked GoPay accounts, one per owner (migration 0008). */
  readonly gopayAccounts: string;
}

/**
 * Check a table prefix: empty, or a lower-case letter followed by up to 23 lower-case letters, digits
 * or underscores. Throws a ConfigError naming `tablePrefix` otherwise.
 */
export function assertTablePrefix(prefix: string): string {
  if (!PREFIX_PATTERN.test(prefix)) {
    throw new ConfigError(
      'tablePrefix',
      `"${prefix}" must be empty or start with a lower-case letter and hold at most 24 of [a-z0-9_]`,
    );
  }
  return prefix;
}

/** Build the table names for `prefix` (default `midtrans_`), validating the prefix. */
export function tableNames(prefix: string = DEFAULT_TABLE_PREFIX): TableNames {
  assertTablePrefix(prefix);
  return {
    prefix,
    payments: `${prefix}payments`,
    refunds: `${prefix}refunds`,
    invoices: `${prefix}invoices`,
    invoiceItems: `${prefix}invoice_items`,
    subscriptions: `${prefix}subscriptions`,
    notifications: `${prefix}notifications`,
    paymentEvents: `${prefix}payment_events`,
    outbox: `${prefix}outbox_events`,
    eventConsumers: `${prefix}event_consumers`,
    eventDeliveries: `${prefix}event_deliveries`,
    paymentLinks: `${prefix}payment_links`,
    paymentLinkItems: `${prefix}payment_link_items`,
    gopayAccounts: `${prefix}gopay_accounts`,
  };
}

/**
 * Name of the migration history table for a prefix: `midtrans_kit_migrations` for the default prefix.
 * Tied to the prefix so two prefixed installs in one database keep separate histories.
 */
export function migrationTableName(prefix: string = DEFAULT_TABLE_PREFIX): string {
  return `${assertTablePrefix(prefix)}kit_migrations`;
}

/**
 * Name of a unique key: `<table>_<key>_uq`. Shared by the migrations (which create it) and the
 * repositories (which recognise it in a duplicate-key error).
 */
export function uniqueKeyName(table: string, key: string): string {
  return `${table}_${key}_uq`;
}
