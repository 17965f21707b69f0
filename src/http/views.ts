/**
 * What a record looks like over HTTP. Each view lists the fields it shows, once: the same list
 * picks them from the record and describes them in the OpenAPI document. Internal fields stay
 * out (idempotency keys, leases, versions, raw Midtrans bodies, saved card and GoPay tokens).
 */
import type { GopayAccount } from '../storage/records/gopay-account.js';
import type { Invoice } from '../storage/records/invoice.js';
import type { Payment } from '../storage/records/payment.js';
import type { PaymentLink } from '../storage/records/payment-link.js';
import type { Refund } from '../storage/records/refund.js';
import type { Subscription } from '../storage/records/subscription.js';
import type { JsonSchema } from './schemas/json-schema.js';

type FieldKind = 'string' | 'integer' | 'boolean' | 'date' | 'json';
type FieldSpec = FieldKind | `${FieldKind}?`;

/** A record view: pick the shown fields, and their schema. */
export interface RecordView<T> {
  /** The JSON a client sees. */
  pick(record: T): Record<string, unknown>;
  /** Its JSON Schema. */
  readonly schema: JsonSchema;
}

const KIND_SCHEMA: Record<FieldKind, JsonSchema> = {
  string: { type: 'string' },
  integer: { type: 'integer' },
  boolean: { type: 'boolean' },
  date: { type: 'string', format: 'date-time' },
  json: {},
};

function defineView<T>(fields: Partial<Record<keyof T & string, FieldSpec>>): RecordView<T> {
  const entries = Object.entries(fields) as [keyof T & string, FieldSpec][];
  const properties: Record<string, JsonSchema> = {};
  for (const [name, spec] of entries) {
    const kind = spec.replace('?', '') as FieldKind;
    const base = KIND_SCHEMA[kind];
    const optional = spec.endsWith('?');
    properties[name] = optional && kind !== 'json' ? { ...base, type: [base.type, 'null'] } : base;
  }
  return {
    pick: (record) => Object.fromEntries(entries.map(([name]) => [name, record[name] ?? null])),
    schema: { type: 'object', properties, required: entries.map(([name]) => name) },
  };
}

const stored = { id: 'string', createdAt: 'date', updatedAt: 'date' } as const;

/** A payment. */
export const paymentView = defineView<Payment>({
  ...stored,
  orderId: 'string',
  transactionId: 'string?',
  paymentType: 'string?',
  grossAmount: 'integer',
  currency: 'string',
  status: 'string',
  transactionStatus: 'string?',
  fraudStatus: 'string?',
  statusCode: 'string?',
  statusMessage: 'string?',
  bank: 'string?',
  vaNumber: 'string?',
  billKey: 'string?',
  billerCode: 'string?',
  paymentCode: 'string?',
  store: 'string?',
  qrString: 'string?',
  actions: 'json?',
  redirectUrl: 'string?',
  deeplinkUrl: 'string?',
  snapToken: 'string?',
  expiryTime: 'date?',
  transactionTime: 'date?',
  settlementTime: 'date?',
  customerDetails: 'json?',
  itemDetails: 'json?',
  metadata: 'json?',
  userId: 'string?',
  subscriptionId: 'string?',
  invoiceId: 'string?',
  paymentLinkId: 'string?',
  capturedAmount: 'integer?',
  refundedAmount: 'integer',
  refundCount: 'integer',
});

/** A refund. */
export const refundView = defineView<Refund>({
  ...stored,
  paymentId: 'string',
  refundKey: 'string',
  amount: 'integer',
  reason: 'string?',
  isDirect: 'boolean',
  status: 'string',
  statusCode: 'string?',
  statusMessage: 'string?',
});

/** An invoice. */
export const invoiceView = defineView<Invoice>({
  ...stored,
  invoiceNumber: 'string',
  orderId: 'string',
  midtransInvoiceId: 'string?',
  status: 'string',
  paymentType: 'string?',
  customerId: 'string?',
  customerName: 'string?',
  customerEmail: 'string?',
  customerPhone: 'string?',
  userId: 'string?',
  totalAmount: 'integer',
  currency: 'string',
  invoiceDate: 'date?',
  dueDate: 'date?',
  paidAt: 'date?',
  paymentLinkUrl: 'string?',
  pdfUrl: 'string?',
  notes: 'string?',
  voidReason: 'string?',
  metadata: 'json?',
});

/** A payment link (its request and Midtrans's raw answers stay on the server). */
export const paymentLinkView = defineView<PaymentLink>({
  ...stored,
  orderId: 'string',
  linkId: 'string?',
  status: 'string',
  title: 'string?',
  grossAmount: 'integer',
  currency: 'string',
  usageLimit: 'integer?',
  usageCount: 'integer',
  paidAmount: 'integer',
  startsAt: 'date?',
  expiresAt: 'date?',
  paymentUrl: 'string?',
  customerFirstName: 'string?',
  customerLastName: 'string?',
  customerEmail: 'string?',
  customerPhone: 'string?',
  userId: 'string?',
  metadata: 'json?',
  deletedAt: 'date?',
});

/** A subscription (its saved card or GoPay token is never shown). */
export const subscriptionView = defineView<Subscription>({
  ...stored,
  midtransSubscriptionId: 'string?',
  name: 'string',
  paymentType: 'string',
  amount: 'integer',
  currency: 'string',
  interval: 'integer',
  intervalUnit: 'string',
  maxInterval: 'integer?',
  startTime: 'date?',
  currentInterval: 'integer?',
  previousExecutionAt: 'date?',
  nextExecutionAt: 'date?',
  retryInterval: 'integer?',
  retryIntervalUnit: 'string?',
  retryMaxInterval: 'integer?',
  status: 'string',
  customerEmail: 'string?',
  userId: 'string?',
  metadata: 'json?',
  lastChargeAt: 'date?',
  lastChargeStatus: 'string?',
  chargeCount: 'integer',
  failureCount: 'integer',
});

/** A linked GoPay account (its payment-option token is never shown). */
export const gopayAccountView = defineView<GopayAccount>({
  ...stored,
  accountId: 'string?',
  status: 'string',
  accountStatus: 'string?',
  activationUrl: 'string?',
  paymentOptionName: 'string?',
  linkedAt: 'date?',
  unlinkedAt: 'date?',
});
