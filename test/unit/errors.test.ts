import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  ConflictError,
  InvalidStateError,
  MidtransApiError,
  MidtransKitError,
  MidtransNetworkError,
  NotFoundError,
  redactSecrets,
  SignatureError,
  ValidationError,
} from '../../src/errors.js';

const SERVER_KEY = 'SB-Mid-server-TEST-KEY-0000';

describe('error hierarchy', () => {
  it.each([
    [
      new ValidationError({ field: 'grossAmount', reason: 'must be positive' }),
      'validation_error',
      'ValidationError',
    ],
    [new ConfigError('serverKey', 'is required'), 'config_error', 'ConfigError'],
    [new NotFoundError('Payment ORDER-1 not found'), 'not_found', 'NotFoundError'],
    [new ConflictError('duplicate order id'), 'conflict', 'ConflictError'],
    [new InvalidStateError('refund', 'pending'), 'invalid_state', 'InvalidStateError'],
    [new SignatureError(), 'signature_invalid', 'SignatureError'],
    [
      new MidtransApiError({ httpStatus: 412, statusCode: '412', messages: ['nope'], retryable: false }),
      'midtrans_api_error',
      'MidtransApiError',
    ],
    [new MidtransNetworkError('timeout', 'no answer'), 'midtrans_network_error', 'MidtransNetworkError'],
  ])('%s has a stable code and name', (error, code, name) => {
    expect(error).toBeInstanceOf(MidtransKitError);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe(code);
    expect(error.name).toBe(name);
  });

  it('lists every field issue in a ValidationError message', () => {
    const error = new ValidationError([
      { field: 'grossAmount', reason: 'must be positive' },
      { field: 'itemDetails.0.price', reason: 'must be whole Rupiah' },
    ]);
    expect(error.issues).toHaveLength(2);
    expect(error.message).toBe(
      'Invalid input: grossAmount must be positive; itemDetails.0.price must be whole Rupiah',
    );
    expect(new ValidationError([]).message).toBe('Invalid input');
  });

  it('names the option of a ConfigError and the state of an InvalidStateError', () => {
    expect(new ConfigError('tablePrefix', 'must match [a-z0-9_]').message).toBe(
      'Invalid option "tablePrefix": must match [a-z0-9_]',
    );
    const state = new InvalidStateError('refund', 'pending');
    expect([state.operation, state.currentState, state.message]).toEqual([
      'refund',
      'pending',
      'Cannot refund a payment in state "pending"',
    ]);
  });

  it('describes a Midtrans error by its body code, else its HTTP status', () => {
    const withBody = new MidtransApiError({
      httpStatus: 200,
      statusCode: '406',
      messages: ['Duplicate order ID'],
      retryable: false,
    });
    expect(withBody.message).toBe('Midtrans error 406: Duplicate order ID');
    const withoutBody = new MidtransApiError({ httpStatus: 502, messages: [], retryable: true });
    expect(withoutBody.message).toBe('Midtrans error 502: no message');
    expect(withoutBody.retryable).toBe(true);
  });
});

describe('redactSecrets', () => {
  it('removes the key and its Basic-auth form wherever they appear', () => {
    const basic = Buffer.from(`${SERVER_KEY}:`).toString('base64');
    const text = `key=${SERVER_KEY} auth=Basic ${basic} again ${SERVER_KEY}`;
    const out = redactSecrets(text, [SERVER_KEY]);
    expect(out).toBe('key=[redacted] auth=Basic [redacted] again [redacted]');
    expect(out).not.toContain('TEST-KEY');
  });

  it('ignores empty secrets and leaves clean text alone', () => {
    expect(redactSecrets('nothing to hide', ['', SERVER_KEY])).toBe('nothing to hide');
  });
});
