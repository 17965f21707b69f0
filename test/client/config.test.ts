import { describe, expect, it } from 'vitest';
import { nodeHttpTransport } from '../../src/client/node-http-transport.js';
import { fetchTransport } from '../../src/client/transport.js';
import type { MidtransKitOptions } from '../../src/config.js';
import { resolveClientConfig, resolveConfig } from '../../src/config.js';
import { MidtransBaseUrl } from '../../src/constants.js';
import { ConfigError } from '../../src/errors.js';

const SB_SERVER = 'SB-Mid-server-SECRET-abc123';
const SB_CLIENT = 'SB-Mid-client-PUBLIC-abc123';
const PROD_SERVER = 'Mid-server-SECRET-xyz789';
const PROD_CLIENT = 'Mid-client-PUBLIC-xyz789';

/** Run `fn`, expect a ConfigError, and check it never carries a key. */
function configError(fn: () => unknown): ConfigError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ConfigError);
  const error = caught as ConfigError;
  for (const key of [SB_SERVER, PROD_SERVER]) {
    expect(error.message).not.toContain(key);
    expect(JSON.stringify(error)).not.toContain(key);
    expect(String(error.stack)).not.toContain(key);
  }
  return error;
}

describe('resolveConfig', () => {
  it('applies the documented defaults', () => {
    const config = resolveConfig({ serverKey: SB_SERVER });
    expect(config).toMatchObject({
      serverKey: SB_SERVER,
      clientKey: undefined,
      isProduction: false,
      apiBaseUrl: MidtransBaseUrl.sandbox.api,
      snapBaseUrl: MidtransBaseUrl.sandbox.snap,
      timeoutMs: 30_000,
      maxRetries: 2,
      notificationUrl: undefined,
      orderIdPrefix: 'ORDER',
      tablePrefix: 'midtrans_',
      database: undefined,
      hooks: undefined,
      services: undefined,
      trustSignature: false,
      events: undefined,
    });
    expect(config.transport).toBe(nodeHttpTransport);
    for (const level of ['debug', 'info', 'warn', 'error'] as const) {
      expect(() => config.logger[level]({}, 'silent by default')).not.toThrow();
    }
  });

  it('uses production URLs and keeps explicit values', () => {
    const database = { client: 'sqlite' };
    const transport = fetchTransport;
    const config = resolveConfig({
      serverKey: PROD_SERVER,
      clientKey: PROD_CLIENT,
      isProduction: true,
      timeoutMs: 5000,
      maxRetries: 0,
      transport,
      notificationUrl: 'https://shop.example.com/midtrans/notify',
      orderIdPrefix: 'SHOP',
      tablePrefix: 'pay_',
      database,
    });
    expect(config.apiBaseUrl).toBe(MidtransBaseUrl.production.api);
    expect(config.snapBaseUrl).toBe(MidtransBaseUrl.production.snap);
    expect(config).toMatchObject({
      clientKey: PROD_CLIENT,
      timeoutMs: 5000,
      maxRetries: 0,
      tablePrefix: 'pay_',
    });
    expect(config.database).toBe(database);
    expect(config.orderIdPrefix).toBe('SHOP');
  });

  it('accepts base-URL overrides (trailing slash removed) and still applies the key rule', () => {
    const config = resolveConfig({
      serverKey: SB_SERVER,
      apiBaseUrl: 'http://127.0.0.1:4010/',
      snapBaseUrl: 'http://127.0.0.1:4010/snap/v1/',
    });
    expect(config.apiBaseUrl).toBe('http://127.0.0.1:4010');
    expect(config.snapBaseUrl).toBe('http://127.0.0.1:4010/snap/v1');
    const error = configError(() =>
      resolveConfig({ serverKey: PROD_SERVER, apiBaseUrl: 'http://127.0.0.1:4010' }),
    );
    expect(error.option).toBe('serverKey');
  });

  it('calls the given logger functions with the logger as `this`', () => {
    const seen: string[] = [];
    const logger = {
      prefix: 'x',
      warn(this: { prefix: string }, obj: Record<string, unknown>, message?: string) {
        seen.push(`${this.prefix}:${message}:${String(obj.detail)}`);
      },
    };
    resolveConfig({ serverKey: SB_SERVER, logger }).logger.warn({ detail: `key ${SB_SERVER}` }, 'hello');
    expect(seen).toEqual(['x:hello:key [redacted]']);
  });

  const bad: [string, Record<string, unknown>][] = [
    ['serverKey', { serverKey: undefined }],
    ['serverKey', { serverKey: '' }],
    ['serverKey', { serverKey: 42 }],
    ['serverKey', { serverKey: ` ${SB_SERVER}` }],
    ['serverKey', { serverKey: 'not-a-midtrans-key' }],
    ['serverKey', { serverKey: SB_CLIENT }],
    ['clientKey', { clientKey: '' }],
    ['clientKey', { clientKey: SB_SERVER }],
    ['isProduction', { isProduction: 'yes' }],
    ['apiBaseUrl', { apiBaseUrl: 'api.midtrans.com' }],
    ['apiBaseUrl', { apiBaseUrl: 'ftp://api.midtrans.com' }],
    ['snapBaseUrl', { snapBaseUrl: 'nope' }],
    ['timeoutMs', { timeoutMs: 0 }],
    ['timeoutMs', { timeoutMs: 1.5 }],
    ['timeoutMs', { timeoutMs: '1000' }],
    ['maxRetries', { maxRetries: -1 }],
    ['maxRetries', { maxRetries: 11 }],
    ['maxRetries', { maxRetries: 1.5 }],
    ['transport', { transport: 'fetch' }],
    ['notificationUrl', { notificationUrl: 'shop.example.com/notify' }],
    ['orderIdPrefix', { orderIdPrefix: '' }],
    ['orderIdPrefix', { orderIdPrefix: 'ORDER/1' }],
    ['orderIdPrefix', { orderIdPrefix: 'X'.repeat(31) }],
    ['tablePrefix', { tablePrefix: 'Midtrans_' }],
    ['tablePrefix', { tablePrefix: 'midtrans-' }],
    ['tablePrefix', { tablePrefix: 'drop table;' }],
    ['logger', { logger: 'console' }],
    ['logger', { logger: { warn: 'loud' } }],
  ];
  it.each(bad)('names %s when it is bad: %j', (option, overrides) => {
    const options = { serverKey: SB_SERVER, ...overrides } as unknown as MidtransKitOptions;
    const error = configError(() => resolveConfig(options));
    expect(error.option).toBe(option);
    expect(error.message).toContain(option);
  });

  it.each([
    ['serverKey', { serverKey: SB_SERVER, isProduction: true }, /sandbox key.*isProduction is true/],
    ['serverKey', { serverKey: PROD_SERVER }, /production key.*isProduction is false/],
    ['serverKey', { serverKey: PROD_SERVER, isProduction: false }, /production key.*isProduction is false/],
    ['clientKey', { serverKey: SB_SERVER, clientKey: PROD_CLIENT }, /production key.*isProduction/],
    ['clientKey', { serverKey: PROD_SERVER, clientKey: SB_CLIENT, isProduction: true }, /sandbox key/],
  ])('rejects a %s for the wrong environment (%j)', (option, options, message) => {
    const error = configError(() => resolveConfig(options));
    expect(error.option).toBe(option);
    expect(error.message).toMatch(message);
    expect(error.message).toContain('isProduction');
  });

  it('lists unknown options and suggests the right spelling', () => {
    const options = { serverkey: SB_SERVER, timeout: 5 } as unknown as MidtransKitOptions;
    const error = configError(() => resolveConfig(options));
    expect(error.option).toBe('serverkey, timeout');
    expect(error.message).toContain('did you mean "serverKey"?');
    expect(error.message).toContain('not known options');
  });

  it('never echoes a key even when it is used as an option name', () => {
    const options = { serverKey: SB_SERVER, [SB_SERVER]: true } as unknown as MidtransKitOptions;
    const error = configError(() => resolveConfig(options));
    expect(error.message).toContain('[redacted]');
  });

  it('rejects a non-object', () => {
    expect(configError(() => resolveConfig(null as unknown as MidtransKitOptions)).option).toBe('options');
  });

  it('treats options explicitly set to undefined as absent', () => {
    expect(
      resolveConfig({ serverKey: SB_SERVER, clientKey: undefined, timeoutMs: undefined }).timeoutMs,
    ).toBe(30_000);
  });
});

describe('resolveClientConfig', () => {
  it('resolves the client subset', () => {
    const config = resolveClientConfig({ serverKey: SB_SERVER, clientKey: SB_CLIENT, maxRetries: 3 });
    expect(config).toMatchObject({ serverKey: SB_SERVER, clientKey: SB_CLIENT, maxRetries: 3 });
    expect(config).not.toHaveProperty('tablePrefix');
  });

  it('rejects kit-only options as unknown to the standalone client', () => {
    const options = { serverKey: SB_SERVER, tablePrefix: 'x_' } as unknown as MidtransKitOptions;
    expect(configError(() => resolveClientConfig(options)).option).toBe('tablePrefix');
  });
});
