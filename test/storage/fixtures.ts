/** Inputs with every field set, so a round-trip checks every column. */
import type {
  NewInvoice,
  NewNotification,
  NewPayment,
  NewRefund,
  NewSubscription,
} from '../../src/storage/index.js';

/** Every migration the kit ships, in order (what a fully migrated history table lists). */
export const MIGRATION_NAMES = [
  '0001_create_tables',
  '0002_payment_idempotency_key',
  '0003_webhooks_and_reconciler',
  '0004_invoices_and_subscriptions',
  '0005_captured_amount',
  '0006_event_consumers',
  '0007_payment_links',
  '0008_gopay_accounts',
];

/** Text in Indonesian, with emoji and CJK, to catch charset and collation mistakes. */
export const UNICODE_TEXT = 'Pembayaran berhasil ✅ — terima kasih! 🙏🇮🇩 支付成功 お支払い 결제';

const at = (iso: string) => new Date(iso);

/** A payment with every field given. */
export function fullPayment(orderId: string, overrides: Partial<NewPayment> = {}): NewPayment {
  return {
    orderId,
    transactionId: `txn-${orderId}`,
    paymentType: 'bank_transfer',
    grossAmount: 150_000,
    currency: 'IDR',
    status: 'pending',
    transactionStatus: 'pending',
    fraudStatus: 'accept',
    statusCode: '201',
    statusMessage: 'Success, Bank Transfer transaction is created',
    bank: 'bca',
    vaNumber: '12345678901',
    billKey: '70012345',
    billerCode: '70012',
    paymentCode: '25521021226',
    store: 'indomaret',
    qrString: '00020101021226620014COM.GO-JEK.WWW',
    actions: [{ name: 'generate-qr-code', method: 'GET', url: 'https://api.example/qr' }],
    redirectUrl: 'https://app.sandbox.midtrans.com/snap/v2/vtweb/abc',
    deeplinkUrl: 'gojek://gopay/merchanttransfer?tref=abc',
    snapToken: '66e4fa55-fdac-4ef9-91b5-733b97d1b862',
    expiryTime: at('2025-01-16T03:00:00.123Z'),
    transactionTime: at('2025-01-15T03:00:00.000Z'),
    settlementTime: at('2025-01-15T03:05:07.456Z'),
    customerFirstName: 'Budi',
    customerLastName: 'Santoso 山田',
    customerEmail: 'budi@example.co.id',
    customerPhone: '+6281234567890',
    customerDetails: { first_name: 'Budi', billing_address: { city: 'Jakarta', country_code: 'IDN' } },
    itemDetails: [{ id: 'SKU-1', name: 'Kopi Luwak ☕', price: 150_000, quantity: 1, brand: 'Nusantara' }],
    metadata: { note: UNICODE_TEXT, nested: { list: [1, 'dua', true, null] } },
    customField1: 'satu',
    customField2: 'dua',
    customField3: 'tiga',
    userId: 'user-42',
    capturedAmount: 120_000,
    refundedAmount: 0,
    refundCount: 0,
    chargeRequest: { payment_type: 'bank_transfer', transaction_details: { order_id: orderId } },
    chargeResponse: { status_code: '201', va_numbers: [{ bank: 'bca', va_number: '12345678901' }] },
    lastResponse: { status_code: '201', gross_amount: '150000.00' },
    ...overrides,
  };
}

/** A refund with every field given. */
export function fullRefund(paymentId: string, refundKey: string): NewRefund {
  return {
    paymentId,
    refundKey,
    amount: 50_000,
    reason: 'Barang rusak 📦',
    isDirect: true,
    status: 'succeeded',
    statusCode: '200',
    statusMessage: 'Success, refund request is approved',
    chargebackId: '9007199254740993',
    response: { refund_chargeback_id: 9007199254740993n.toString(), refund_amount: '50000.00' },
  };
}

/** An invoice with every field given. */
export function fullInvoice(invoiceNumber: string, orderId: string): NewInvoice {
  return {
    invoiceNumber,
    orderId,
    midtransInvoiceId: '6319e6d8e1b4a3d0c5b7f8a1',
    status: 'pending',
    paymentType: 'payment_link',
    customerId: 'cust-7',
    customerName: 'Siti Aminah',
    customerEmail: 'siti@example.co.id',
    customerPhone: '+628111',
    userId: 'user-7',
    totalAmount: 300_000,
    currency: 'IDR',
    invoiceDate: at('2025-02-01T00:00:00.000Z'),
    dueDate: at('2025-02-08T00:00:00.000Z'),
    paidAt: null,
    paymentLinkUrl: 'https://app.midtrans.com/payment-links/abc',
    pdfUrl: 'https://app.midtrans.com/invoices/abc.pdf',
    notes: UNICODE_TEXT,
    voidReason: null,
    response: { id: '6319e6d8e1b4a3d0c5b7f8a1', gross_amount: 300000 },
    metadata: { project: 'renovasi' },
  };
}

/** A subscription with every field given. */
export function fullSubscription(name: string, midtransId: string): NewSubscription {
  return {
    midtransSubscriptionId: midtransId,
    name,
    paymentType: 'gopay',
    amount: 14_000,
    currency: 'IDR',
    token: '6ed1d5d4-0d55-4b29-9a5a-7d5a9c2f7b3e',
    interval: 1,
    intervalUnit: 'month',
    maxInterval: 12,
    startTime: at('2025-03-01T02:00:00.000Z'),
    currentInterval: 0,
    previousExecutionAt: null,
    nextExecutionAt: at('2025-03-01T02:00:00.000Z'),
    retryInterval: 1,
    retryIntervalUnit: 'day',
    retryMaxInterval: 3,
    status: 'active',
    customerDetails: { first_name: 'Andi', email: 'andi@example.co.id' },
    customerEmail: 'andi@example.co.id',
    userId: 'user-9',
    gopayAccountId: '0dd2cd90-a9a9-4a09-b393-59d13d5d3fd4',
    response: { id: midtransId, status: 'active' },
    metadata: { plan: 'premium' },
  };
}

/** A notification with every field given. */
export function fullNotification(orderId: string, rawBody: string): NewNotification {
  return {
    rawBody,
    headers: { 'content-type': 'application/json', 'user-agent': 'Veritrans' },
    orderId,
    transactionId: `txn-${orderId}`,
    transactionStatus: 'settlement',
    fraudStatus: 'accept',
    paymentType: 'bank_transfer',
    statusCode: '200',
    grossAmount: '150000.00',
    signatureKey: 'f'.repeat(128),
    signatureValid: true,
    outcome: 'applied',
    error: null,
    receivedAt: at('2025-01-15T03:05:08.001Z'),
    processedAt: at('2025-01-15T03:05:08.050Z'),
  };
}
