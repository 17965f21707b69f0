/**
 * Options of the whole kit, checked once at start-up so that a typo or a key for the wrong
 * environment fails loudly before any payment is attempted. Messages name the option and never
 * echo a value: a misplaced server key must not end up in a crash log.
 */

import { nodeHttpTransport } from './client/node-http-transport.js';
import type { Transport } from './client/transport.js';
import { MidtransBaseUrl } from './constants.js';
import { ConfigError, redactSecrets } from './errors.js';

/**
 * A log function in pino's shape: structured details first, then the message. Every string in
 * `obj` and `msg` has the server key redacted before the host's logger sees it.
 */
export type LogFunction = (obj: Record<string, unknown>, msg?: string) => void;

/**
 * Where midtrans-kit reports what it does: pino, or anything with the same `(obj, msg)` methods.
 * Every level is optional; missing ones are silent. A logger that throws is ignored.
 */
export interface MidtransLogger {
  /** Per-request detail. */
  debug?: LogFunction;
  /** Notable normal events. */
  info?: LogFunction;
  /** Recoverable trouble, e.g. a retried request. */
  warn?: LogFunction;
  /** Failures. */
  error?: LogFunction;
}

/** Options the HTTP client needs; enough to use `createMidtransClient` on its own. */
export interface MidtransClientOptions {
  /** Server key from the Midtrans dashboard (`SB-Mid-server-…` in sandbox, `Mid-server-…` in production). */
  serverKey: string;
  /** Client key (`SB-Mid-client-…` / `Mid-client-…`); needed for card tokenisation. */
  clientKey?: string | undefined;
  /** Talk to production instead of the sandbox. Default false. */
  isProduction?: boolean | undefined;
  /** Core API base URL override, e.g. a local simulator. */
  apiBaseUrl?: string | undefined;
  /** Snap base URL override (the part before `/transactions`). */
  snapBaseUrl?: string | undefined;
  /** Per-attempt deadline in milliseconds. Default 30000. */
  timeoutMs?: number | undefined;
  /** Retries of a retry-safe request (GET, or a write with an idempotency key). Default 2, at most 10. */
  maxRetries?: number | undefined;
  /** HTTP transport. Default: `nodeHttpTransport` (node:http, reads every status incl. 407); `fetchTransport` is offered too. */
  transport?: Transport | undefined;
  /** Logger. Default: silent. */
  logger?: MidtransLogger | undefined;
}

/** Options of the whole kit as a host passes them. */
export interface MidtransKitOptions extends MidtransClientOptions {
  /** URL Midtrans should notify, sent as an override on every charge when set. */
  notificationUrl?: string | undefined;
  /** Prefix of generated order ids. Default `ORDER`. */
  orderIdPrefix?: string | undefined;
  /** Prefix of generated invoice numbers (`INV-20250101-…`). Default `INV`, as in django-payment-midtrans. */
  invoiceNumberPrefix?: string | undefined;
  /** Prefix of every table name. Default `midtrans_`. */
  tablePrefix?: string | undefined;
  /** Database (Knex instance or config); validated by the storage layer. Default: SQLite file. */
  database?: unknown;
  /** Hooks (`generateOrderId`, `beforeCharge`, `afterCharge`, `onStatusChange`, `customerDetailsFor`). */
  hooks?: unknown;
  /** Service classes to use instead of the built-in ones (subclasses of them). */
  services?: unknown;
  /** Apply notifications on their signature alone, without confirming by a status call. Default false. */
  trustSignature?: boolean | undefined;
  /** Outbox dispatch tuning (`retryBaseMs`, `retryMaxMs`, `batchSize`, `leaseMs`). */
  events?: unknown;
}

/** Client options with defaults applied. */
export interface ResolvedClientConfig {
  serverKey: string;
  clientKey: string | undefined;
  isProduction: boolean;
  /** Without trailing slash. */
  apiBaseUrl: string;
  /** Without trailing slash. */
  snapBaseUrl: string;
  timeoutMs: number;
  maxRetries: number;
  transport: Transport;
  logger: Required<MidtransLogger>;
}

/** Kit options with defaults applied. */
export interface ResolvedConfig extends ResolvedClientConfig {
  notificationUrl: string | undefined;
  orderIdPrefix: string;
  invoiceNumberPrefix: string;
  tablePrefix: string;
  database: unknown;
  hooks: unknown;
  services: unknown;
  trustSignature: boolean;
  events: unknown;
}

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/** Returns why a value is unacceptable, or undefined when it is fine. Never mentions the value. */
type Check = (value: unknown) => string | undefined;

const isString: Check = (v) =>
  typeof v === 'string' && v.length > 0 ? undefined : 'must be a non-empty string';
const isKey: Check = (v) => isString(v) ?? (/\s/.test(String(v)) ? 'must not contain whitespace' : undefined);
const isHttpUrl: Check = (v) =>
  isString(v) ?? (parsesAsHttpUrl(String(v)) ? undefined : 'must be an http(s) URL');
const isFunction: Check = (v) => (typeof v === 'function' ? undefined : 'must be a function');
const matches =
  (pattern: RegExp, rule: string): Check =>
  (v) =>
    typeof v === 'string' && pattern.test(v) ? undefined : rule;
const intInRange =
  (min: number, max: number, rule: string): Check =>
  (v) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? undefined : rule;
const isLogger: Check = (v) => {
  if (!isRecord(v)) return 'must be an object with debug/info/warn/error functions';
  const bad = LOG_LEVELS.filter((level) => v[level] !== undefined && typeof v[level] !== 'function');
  return bad.length > 0 ? `${bad.join(', ')} must be functions` : undefined;
};

// Typed as a Record over the option names so adding an option without a check fails to compile.
const CLIENT_CHECKS: Record<keyof MidtransClientOptions, Check> = {
  serverKey: isKey,
  clientKey: isKey,
  isProduction: (v) => (typeof v === 'boolean' ? undefined : 'must be a boolean'),
  apiBaseUrl: isHttpUrl,
  snapBaseUrl: isHttpUrl,
  timeoutMs: intInRange(1, 2_147_483_647, 'must be a positive integer (milliseconds)'),
  maxRetries: intInRange(0, 10, 'must be an integer from 0 to 10'),
  transport: isFunction,
  logger: isLogger,
};

const KIT_CHECKS: Record<keyof MidtransKitOptions, Check> = {
  ...CLIENT_CHECKS,
  notificationUrl: isHttpUrl,
  // Leaves room for the unique part within Midtrans's 50-character order id.
  orderIdPrefix: matches(/^[A-Za-z0-9\-_~.]{1,30}$/, 'must be 1–30 characters of A-Z a-z 0-9 - _ ~ .'),
  // Leaves room for the date and random part within Midtrans's 40-character invoice number.
  invoiceNumberPrefix: matches(/^[A-Za-z0-9\-_/.]{1,20}$/, 'must be 1–20 characters of A-Z a-z 0-9 - _ / .'),
  tablePrefix: matches(/^[a-z0-9_]{0,32}$/, 'must be at most 32 characters of a-z 0-9 _'),
  database: () => undefined,
  hooks: (v) => (isRecord(v) ? undefined : 'must be an object of hook functions'),
  services: (v) => (isRecord(v) ? undefined : 'must be an object of service classes'),
  trustSignature: (v) => (typeof v === 'boolean' ? undefined : 'must be a boolean'),
  events: (v) => (isRecord(v) ? undefined : 'must be an object'),
};

/** Validate the client options and apply defaults. Throws ConfigError naming the first bad option. */
export function resolveClientConfig(options: MidtransClientOptions): ResolvedClientConfig {
  const raw = checkAll(options, CLIENT_CHECKS);
  return buildClientConfig(raw);
}

/** Validate the kit options and apply defaults. Throws ConfigError naming the first bad option. */
export function resolveConfig(options: MidtransKitOptions): ResolvedConfig {
  const raw = checkAll(options, KIT_CHECKS);
  return {
    ...buildClientConfig(raw),
    notificationUrl: raw.notificationUrl === undefined ? undefined : String(raw.notificationUrl),
    orderIdPrefix: typeof raw.orderIdPrefix === 'string' ? raw.orderIdPrefix : 'ORDER',
    invoiceNumberPrefix: typeof raw.invoiceNumberPrefix === 'string' ? raw.invoiceNumberPrefix : 'INV',
    tablePrefix: typeof raw.tablePrefix === 'string' ? raw.tablePrefix : 'midtrans_',
    database: raw.database,
    hooks: raw.hooks,
    services: raw.services,
    trustSignature: raw.trustSignature === true,
    events: raw.events,
  };
}

function checkAll(options: unknown, checks: Record<string, Check>): Record<string, unknown> {
  if (!isRecord(options)) throw new ConfigError('options', 'must be an object');
  const secrets = [options.serverKey, options.clientKey].filter((s): s is string => typeof s === 'string');
  const unknown = Object.keys(options).filter((name) => !Object.hasOwn(checks, name));
  if (unknown.length > 0) {
    const reason = describeUnknown(unknown, Object.keys(checks));
    // A key pasted as an option *name* is far-fetched, but the message must stay key-free regardless.
    throw new ConfigError(redactSecrets(unknown.join(', '), secrets), redactSecrets(reason, secrets));
  }
  if (options.serverKey === undefined) throw new ConfigError('serverKey', 'is required');
  for (const [name, check] of Object.entries(checks)) {
    const value = options[name];
    const reason = value === undefined ? undefined : check(value);
    if (reason !== undefined) throw new ConfigError(name, reason);
  }
  return options;
}

function buildClientConfig(raw: Record<string, unknown>): ResolvedClientConfig {
  const isProduction = raw.isProduction === true;
  const serverKey = String(raw.serverKey);
  const clientKey = typeof raw.clientKey === 'string' ? raw.clientKey : undefined;
  checkKeyEnvironment('serverKey', serverKey, isProduction);
  if (clientKey !== undefined) checkKeyEnvironment('clientKey', clientKey, isProduction);
  const defaults = isProduction ? MidtransBaseUrl.production : MidtransBaseUrl.sandbox;
  const logger = isRecord(raw.logger) ? raw.logger : {};
  const secrets = clientKey === undefined ? [serverKey] : [serverKey, clientKey];
  return {
    serverKey,
    clientKey,
    isProduction,
    apiBaseUrl: trimSlash(typeof raw.apiBaseUrl === 'string' ? raw.apiBaseUrl : defaults.api),
    snapBaseUrl: trimSlash(typeof raw.snapBaseUrl === 'string' ? raw.snapBaseUrl : defaults.snap),
    timeoutMs: typeof raw.timeoutMs === 'number' ? raw.timeoutMs : 30_000,
    maxRetries: typeof raw.maxRetries === 'number' ? raw.maxRetries : 2,
    // Not fetch: the Fetch standard turns an HTTP 407 into a network error, and 407 is Midtrans's
    // "expired" answer. node:http reads every status and is the faster of the two.
    transport: isTransport(raw.transport) ? raw.transport : nodeHttpTransport,
    logger: {
      debug: pickLog(logger, 'debug', secrets),
      info: pickLog(logger, 'info', secrets),
      warn: pickLog(logger, 'warn', secrets),
      error: pickLog(logger, 'error', secrets),
    },
  };
}

/**
 * Sandbox and production keys are distinguishable by prefix, and mixing them is the most common
 * set-up mistake (Midtrans answers 401 much later). The rule holds with a base-URL override too:
 * a simulator is configured like the environment it stands in for.
 */
function checkKeyEnvironment(option: 'serverKey' | 'clientKey', key: string, isProduction: boolean): void {
  const kind = option === 'serverKey' ? 'server' : 'client';
  const other = option === 'serverKey' ? 'client' : 'server';
  const sandbox = `SB-Mid-${kind}-`;
  const production = `Mid-${kind}-`;
  const expected = isProduction ? production : sandbox;
  if (key.startsWith(sandbox) && isProduction) {
    throw new ConfigError(option, `is a sandbox key ("${sandbox}…") but isProduction is true`);
  }
  if (key.startsWith(production) && !isProduction) {
    throw new ConfigError(option, `is a production key ("${production}…") but isProduction is false`);
  }
  if (key.startsWith(`SB-Mid-${other}-`) || key.startsWith(`Mid-${other}-`)) {
    throw new ConfigError(option, `looks like a ${other} key; expected one starting with "${expected}"`);
  }
  if (!key.startsWith(expected)) {
    throw new ConfigError(option, `must start with "${expected}" (isProduction is ${isProduction})`);
  }
}

function describeUnknown(names: string[], known: string[]): string {
  const hints = names.flatMap((name) => {
    const near = known.find((k) => k.toLowerCase() === name.toLowerCase());
    return near ? [`"${name}": did you mean "${near}"?`] : [];
  });
  const base = names.length === 1 ? 'is not a known option' : 'are not known options';
  return hints.length > 0 ? `${base} (${hints.join('; ')})` : base;
}

function pickLog(
  logger: Record<string, unknown>,
  level: (typeof LOG_LEVELS)[number],
  secrets: readonly string[],
): LogFunction {
  const fn = logger[level];
  if (typeof fn !== 'function') return () => {};
  // Bound so that loggers relying on `this` (console, pino) keep working. A failing logger must
  // never turn a logged problem into a failed payment, so its errors are swallowed.
  return (obj, msg) => {
    try {
      const args =
        msg === undefined ? [redactValue(obj, secrets)] : [redactValue(obj, secrets), redact(msg, secrets)];
      Reflect.apply(fn, logger, args);
    } catch {
      // Nothing sensible to do: the logger itself is what failed.
    }
  };
}

function redact(text: string, secrets: readonly string[]): string {
  return redactSecrets(text, secrets);
}

/** A copy of `value` with secrets removed from every string; errors become plain objects. */
function redactValue(value: unknown, secrets: readonly string[], depth = 0): Record<string, unknown> {
  const out = redactAny(value, secrets, depth);
  return isRecord(out) ? out : { value: out };
}

function redactAny(value: unknown, secrets: readonly string[], depth: number): unknown {
  if (typeof value === 'string') return redact(value, secrets);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value;
  if (value instanceof Error) {
    const code = (value as Error & { code?: unknown }).code;
    return {
      name: value.name,
      message: redact(value.message, secrets),
      ...(code === undefined ? {} : { code }),
      ...(value.stack === undefined ? {} : { stack: redact(value.stack, secrets) }),
    };
  }
  if (Array.isArray(value)) return value.map((item) => redactAny(item, secrets, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = redactAny(item, secrets, depth + 1);
  return copy;
}

function isTransport(value: unknown): value is Transport {
  return typeof value === 'function';
}

function parsesAsHttpUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const { protocol } = new URL(text);
  return protocol === 'http:' || protocol === 'https:';
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
