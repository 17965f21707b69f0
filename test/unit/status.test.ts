import { describe, expect, it } from 'vitest';
import { PaymentOperation, PaymentStatus, TransactionStatus } from '../../src/constants.js';
import {
  allowedOperations,
  assertOperationAllowed,
  operationsForPaymentStatus,
} from '../../src/domain/operations.js';
import {
  isSuccessNotification,
  parseFraudStatus,
  parseTransactionStatus,
  toPaymentStatus,
} from '../../src/domain/status.js';
import {
  canTransition,
  classifyTransition,
  isAwaitingOutcome,
  isFinal,
  isPaid,
  nextStatuses,
} from '../../src/domain/transitions.js';
import { InvalidStateError, ValidationError } from '../../src/errors.js';
import { fixture as load } from '../support/fixtures.js';

function fixture(name: string): Record<string, unknown> {
  return load<Record<string, unknown>>(name);
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

// Columns: fraud_status absent, accept, challenge, deny.
const MAPPING: Record<TransactionStatus, [PaymentStatus, PaymentStatus, PaymentStatus, PaymentStatus]> = {
  pending: ['pending', 'pending', 'pending', 'denied'],
  authorize: ['authorized', 'authorized', 'authorized', 'denied'],
  capture: ['paid', 'paid', 'challenge', 'denied'],
  settlement: ['paid', 'paid', 'challenge', 'denied'],
  deny: ['denied', 'denied', 'denied', 'denied'],
  cancel: ['cancelled', 'cancelled', 'cancelled', 'cancelled'],
  expire: ['expired', 'expired', 'expired', 'expired'],
  failure: ['failed', 'failed', 'failed', 'failed'],
  refund: ['refunded', 'refunded', 'refunded', 'refunded'],
  partial_refund: ['partially_refunded', 'partially_refunded', 'partially_refunded', 'partially_refunded'],
  chargeback: ['charged_back', 'charged_back', 'charged_back', 'charged_back'],
  partial_chargeback: [
    'partially_charged_back',
    'partially_charged_back',
    'partially_charged_back',
    'partially_charged_back',
  ],
};
const FRAUD_COLUMNS = [undefined, 'accept', 'challenge', 'deny'] as const;

describe('toPaymentStatus', () => {
  it('covers every TransactionStatus in the expected table', () => {
    expect(Object.keys(MAPPING).sort()).toEqual(Object.values(TransactionStatus).sort());
  });

  for (const [transaction, outcomes] of Object.entries(MAPPING)) {
    FRAUD_COLUMNS.forEach((fraud, column) => {
      it(`${transaction} + ${fraud ?? 'absent'} → ${outcomes[column]}`, () => {
        expect(toPaymentStatus(transaction, fraud)).toBe(outcomes[column]);
        expect(toPaymentStatus(` ${transaction.toUpperCase()} `, fraud?.toUpperCase())).toBe(
          outcomes[column],
        );
      });
    });
  }

  it('treats null and blank fraud_status as absent', () => {
    expect(toPaymentStatus('capture', null)).toBe('paid');
    expect(toPaymentStatus('capture', '  ')).toBe('paid');
    expect(toPaymentStatus('PENDING', 'Challenge')).toBe('pending');
  });

  it('maps the status of every fixture that carries one', () => {
    const expected: Record<string, PaymentStatus> = {
      'notification-bank_transfer-pending.json': 'pending',
      'notification-bank_transfer-settlement.json': 'paid',
      'notification-bni-settlement.json': 'paid',
      'notification-cancel.json': 'cancelled',
      'notification-credit_card-capture.json': 'paid',
      'notification-credit_card-challenge.json': 'challenge',
      'notification-credit_card-deny.json': 'denied',
      'notification-credit_card-settlement.json': 'paid',
      'notification-cstore-settlement.json': 'paid',
      'notification-expire.json': 'expired',
      'notification-refund.json': 'partially_refunded',
      'status-expired.response.json': 'expired',
      'status-partial_refund.response.json': 'partially_refunded',
      'status.response.json': 'paid',
      'deny.response.json': 'denied',
      'direct-refund.response.json': 'refunded',
      'direct-refund-rejected.response.json': 'paid',
      'charge-cstore.response.json': 'pending',
    };
    for (const [name, status] of Object.entries(expected)) {
      const body = fixture(name);
      expect(
        toPaymentStatus(String(body.transaction_status), body.fraud_status as string | undefined),
        name,
      ).toBe(status);
    }
  });

  it.each(['', 'paid', 'settled', 'refunded', 'capture_pending'])(
    'rejects transaction_status %j',
    (value) => {
      const error = thrown(() => toPaymentStatus(value, 'accept'));
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues).toEqual([
        { field: 'transaction_status', reason: expect.any(String) },
      ]);
      expect((error as ValidationError).message).toContain(JSON.stringify(value));
    },
  );

  it.each(['approve', 'accepted', 'review', 'x'])('rejects fraud_status %j', (value) => {
    const error = thrown(() => toPaymentStatus('settlement', value));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]?.field).toBe('fraud_status');
    expect((error as ValidationError).message).toContain(`got "${value}"`);
  });

  it('rejects non-string values read from an unvalidated body', () => {
    expect(() => parseTransactionStatus(undefined)).toThrow(
      /transaction_status must be one of .*got undefined/,
    );
    expect(() => parseTransactionStatus(null)).toThrow(/got null/);
    expect(() => parseTransactionStatus(200)).toThrow(/got number/);
    expect(() => parseFraudStatus(true)).toThrow(/fraud_status must be one of .*got boolean/);
    expect(parseFraudStatus(undefined)).toBeUndefined();
    expect(parseFraudStatus('ACCEPT')).toBe('accept');
  });
});

describe('isSuccessNotification', () => {
  it.each([
    ['notification-bank_transfer-settlement.json', true],
    ['notification-credit_card-capture.json', true],
    ['notification-cstore-settlement.json', true],
    ['notification-credit_card-challenge.json', false],
    ['notification-bank_transfer-pending.json', false],
    ['notification-credit_card-deny.json', false],
    ['notification-refund.json', false],
    ['direct-refund-rejected.response.json', false],
  ])('%s → %s', (name, success) => {
    expect(isSuccessNotification(fixture(name))).toBe(success);
  });

  it('reads case-insensitively and never throws', () => {
    const base = { status_code: '200', transaction_status: 'SETTLEMENT' };
    expect(isSuccessNotification(base)).toBe(true);
    expect(isSuccessNotification({ ...base, fraud_status: null })).toBe(true);
    expect(isSuccessNotification({ ...base, fraud_status: ' Accept ' })).toBe(true);
    expect(isSuccessNotification({ ...base, fraud_status: 'deny' })).toBe(false);
    expect(isSuccessNotification({ ...base, fraud_status: 1 })).toBe(false);
    expect(isSuccessNotification({ ...base, status_code: 200 })).toBe(false);
    expect(isSuccessNotification({ ...base, transaction_status: 'bogus' })).toBe(false);
    expect(isSuccessNotification({})).toBe(false);
  });
});

// Rows: from; columns in COLUMNS order. Y = apply, . = stale, = = duplicate.
const COLUMNS: PaymentStatus[] = [
  'created',
  'unknown',
  'pending',
  'challenge',
  'authorized',
  'paid',
  'partially_refunded',
  'partially_charged_back',
  'denied',
  'cancelled',
  'expired',
  'failed',
  'refunded',
  'charged_back',
];
// biome-ignore format: the table is aligned by hand so each column reads as one target status
const TRANSITIONS: Record<PaymentStatus, string> = {
  //                      cr un pe ch au pa pr pc de ca ex fa re cb
  created:                '=  Y  Y  Y  Y  Y  Y  Y  Y  Y  Y  Y  Y  Y',
  unknown:                'Y  =  Y  Y  Y  Y  Y  Y  Y  Y  Y  Y  Y  Y',
  pending:                '.  .  =  Y  Y  Y  Y  Y  Y  Y  Y  Y  Y  Y',
  challenge:              '.  .  .  =  .  Y  Y  Y  Y  Y  .  .  Y  Y',
  authorized:             '.  .  .  .  =  Y  Y  Y  Y  Y  Y  .  Y  Y',
  paid:                   '.  .  .  .  .  =  Y  Y  Y  Y  .  .  Y  Y',
  partially_refunded:     '.  .  .  .  .  .  =  Y  .  .  .  .  Y  Y',
  partially_charged_back: '.  .  .  .  .  .  .  =  .  .  .  .  .  Y',
  denied:                 '.  .  .  .  .  .  .  .  =  .  .  .  .  .',
  cancelled:              '.  .  .  .  .  .  .  .  .  =  .  .  .  .',
  expired:                '.  .  .  .  .  .  .  .  .  .  =  .  .  .',
  failed:                 '.  .  .  .  .  .  .  .  .  .  .  =  .  .',
  refunded:               '.  .  .  .  .  .  .  .  .  .  .  .  =  .',
  charged_back:           '.  .  .  .  .  .  .  .  .  .  .  .  .  =',
};
const KIND = { Y: 'apply', '.': 'stale', '=': 'duplicate' } as const;

describe('transitions', () => {
  it('the expected table lists every PaymentStatus once, as rows and as columns', () => {
    expect([...COLUMNS].sort()).toEqual(Object.values(PaymentStatus).sort());
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...COLUMNS].sort());
  });

  for (const from of COLUMNS) {
    it(`from ${from}`, () => {
      const cells = TRANSITIONS[from].split(/\s+/);
      expect(cells).toHaveLength(COLUMNS.length);
      COLUMNS.forEach((to, index) => {
        const kind = KIND[cells[index] as keyof typeof KIND];
        expect(classifyTransition(from, to), `${from} → ${to}`).toBe(kind);
        expect(canTransition(from, to), `${from} → ${to}`).toBe(kind === 'apply');
      });
      expect([...nextStatuses(from)].sort()).toEqual(COLUMNS.filter((_, i) => cells[i] === 'Y').sort());
    });
  }

  it('final, paid and awaiting-outcome partition the statuses', () => {
    const final = COLUMNS.filter(isFinal);
    const paid = COLUMNS.filter(isPaid);
    const open = COLUMNS.filter(isAwaitingOutcome);
    expect(final).toEqual(['denied', 'cancelled', 'expired', 'failed', 'refunded', 'charged_back']);
    expect(paid).toEqual(['paid', 'partially_refunded', 'partially_charged_back']);
    expect(open).toEqual(['created', 'unknown', 'pending', 'challenge', 'authorized']);
  });

  it('a final state never goes back to an open one', () => {
    for (const from of COLUMNS.filter(isFinal)) {
      for (const to of ['created', 'pending', 'challenge', 'authorized'] as const) {
        expect(canTransition(from, to)).toBe(false);
      }
    }
  });
});

// Operations Midtrans accepts per transaction_status: [fraud absent/accept/deny, fraud challenge].
const OPERATIONS: Record<TransactionStatus, [PaymentOperation[], PaymentOperation[]]> = {
  pending: [
    ['cancel', 'expire'],
    ['cancel', 'expire', 'approve', 'deny'],
  ],
  authorize: [
    ['cancel', 'capture'],
    ['cancel', 'capture', 'approve', 'deny'],
  ],
  capture: [['cancel'], ['cancel', 'approve', 'deny']],
  settlement: [['refund'], ['refund']],
  partial_refund: [['refund'], ['refund']],
  deny: [[], []],
  cancel: [[], []],
  expire: [[], []],
  failure: [[], []],
  refund: [[], []],
  chargeback: [[], []],
  partial_chargeback: [[], []],
};

describe('allowed operations', () => {
  it('covers every TransactionStatus in the expected table', () => {
    expect(Object.keys(OPERATIONS).sort()).toEqual(Object.values(TransactionStatus).sort());
  });

  for (const [status, [plain, challenged]] of Object.entries(OPERATIONS)) {
    it(`${status}: ${plain.join(', ') || 'none'} / challenge: ${challenged.join(', ') || 'none'}`, () => {
      for (const fraud of [undefined, null, 'accept', 'deny']) {
        expect(allowedOperations({ transactionStatus: status, fraudStatus: fraud })).toEqual(plain);
      }
      expect(
        allowedOperations({ transactionStatus: status.toUpperCase(), fraudStatus: 'CHALLENGE' }),
      ).toEqual(challenged);
      for (const operation of Object.values(PaymentOperation)) {
        const state = { transactionStatus: status };
        if (plain.includes(operation)) {
          expect(() => assertOperationAllowed(operation, state)).not.toThrow();
        } else {
          expect(() => assertOperationAllowed(operation, state)).toThrow(InvalidStateError);
        }
      }
    });
  }

  it('InvalidStateError names the operation, the state and what Midtrans needs', () => {
    const error = thrown(() =>
      assertOperationAllowed('refund', { transactionStatus: 'Capture', fraudStatus: 'accept' }),
    );
    expect(error).toBeInstanceOf(InvalidStateError);
    const invalid = error as InvalidStateError;
    expect(invalid.code).toBe('invalid_state');
    expect(invalid.operation).toBe('refund');
    expect(invalid.currentState).toBe('capture');
    expect(invalid.message).toBe(
      'Cannot refund a transaction in transaction_status "capture" (fraud_status accept): ' +
        'Midtrans allows it only with transaction_status settlement or partial_refund',
    );
  });

  it('approve on an unchallenged capture explains the fraud requirement', () => {
    const error = thrown(() => assertOperationAllowed('approve', { transactionStatus: 'capture' }));
    expect((error as InvalidStateError).message).toBe(
      'Cannot approve a transaction in transaction_status "capture" (fraud_status absent): ' +
        'Midtrans allows it only with transaction_status pending or authorize or capture and fraud_status challenge',
    );
  });

  it('unknown Midtrans values are a ValidationError, not an InvalidStateError', () => {
    expect(() => allowedOperations({ transactionStatus: 'paid' })).toThrow(ValidationError);
    expect(() =>
      assertOperationAllowed('cancel', { transactionStatus: 'pending', fraudStatus: 'maybe' }),
    ).toThrow(ValidationError);
  });

  it('operationsForPaymentStatus gives the local hint for every status', () => {
    const expected: Record<PaymentStatus, PaymentOperation[]> = {
      created: [],
      unknown: [],
      pending: ['cancel', 'expire'],
      challenge: ['cancel', 'approve', 'deny'],
      authorized: ['cancel', 'capture'],
      paid: ['cancel', 'refund'],
      partially_refunded: ['refund'],
      partially_charged_back: [],
      denied: [],
      cancelled: [],
      expired: [],
      failed: [],
      refunded: [],
      charged_back: [],
    };
    expect(Object.keys(expected).sort()).toEqual(Object.values(PaymentStatus).sort());
    for (const status of COLUMNS)
      expect(operationsForPaymentStatus(status), status).toEqual(expected[status]);
    operationsForPaymentStatus('paid').pop();
    expect(operationsForPaymentStatus('paid')).toEqual(['cancel', 'refund']);
  });
});
