/**
 * The camelCase shapes of midtrans-kit's public API. `mapping.ts` converts them to and from the
 * snake_case wire (`src/wire-types.ts`). Amounts are integer IDR, times are Dates.
 */

import type {
  Bank,
  ConvenienceStore,
  IntervalUnit,
  InvoicePaymentType,
  InvoiceStatus,
  QrisAcquirer,
  RetryIntervalUnit,
  SubscriptionPaymentType,
  SubscriptionStatus,
} from '../constants.js';
import type { JsonObject } from '../wire-types.js';
import type { Idr } from './money.js';

/** JSON shapes of `metadata` and other free-form values, re-exported for callers of these types. */
export type { JsonObject, JsonValue } from '../wire-types.js';

// ---------------------------------------------------------------- shared request parts

/** One line of `item_details`. `price × quantity` summed over lines should equal the gross amount. */
export interface ItemDetail {
  id?: string;
  price: Idr;
  quantity: number;
  name: string;
  brand?: string;
  category?: string;
  merchantName?: string;
  url?: string;
}

/** A billing or shipping address (`countryCode` is ISO alpha-3, e.g. `IDN`). */
export interface Address {
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  address?: string;
  city?: string;
  postalCode?: string;
  countryCode?: string;
}

/** The customer, with optional addresses. */
export interface CustomerDetails {
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  billingAddress?: Address;
  shippingAddress?: Address;
}

/** Fields shared by a Core API charge and a Snap transaction. */
export interface TransactionCommon {
  orderId: string;
  /** Integer IDR. */
  grossAmount: Idr;
  itemDetails?: ItemDetail[];
  customerDetails?: CustomerDetails;
  /** Up to three values, sent as `custom_field1..3` and echoed back; an empty list reads back as absent. */
  customFields?: string[];
  metadata?: JsonObject;
}

// ---------------------------------------------------------------- charge

/** How long a Core API charge stays payable. */
export interface CustomExpiry {
  /** Start of the expiry window; Midtrans defaults it to the charge time. */
  orderTime?: Date;
  /** A whole count of `unit`s; Midtrans types it String(50), so `"60"` is taken like `60`. */
  expiryDuration: number | string;
  /** Midtrans's default is minute. */
  unit?: 'second' | 'minute' | 'hour' | 'day';
}

/** One bilingual line of BCA VA free text. */
export interface FreeTextLine {
  en: string;
  id: string;
}

/** `bank_transfer` options. Permata is `bank: 'permata'` with an optional recipient name. */
export interface BankTransferOptions {
  bank: Bank;
  vaNumber?: string;
  freeText?: { inquiry?: FreeTextLine[]; payment?: FreeTextLine[] };
  bcaSubCompanyCode?: string;
  permataRecipientName?: string;
}

/** Mandiri Bill (`echannel`) options. */
export interface EchannelOptions {
  billInfo1: string;
  billInfo2: string;
  billInfo3?: string;
  billInfo4?: string;
  billInfo5?: string;
  billInfo6?: string;
  billInfo7?: string;
  billInfo8?: string;
  billKey?: string;
}

/** Card options; `tokenId` comes from card tokenisation. */
export interface CreditCardOptions {
  tokenId: string;
  /** Ask for 3-D Secure. */
  authentication?: boolean;
  saveTokenId?: boolean;
  /** `authorize` reserves the funds (pre-authorisation) instead of capturing them. */
  type?: 'authorize';
  bank?: string;
  installmentTerm?: number;
  bins?: string[];
  callbackType?: 'js_event' | 'form';
  channel?: string;
}

/** GoPay options. */
export interface GopayOptions {
  enableCallback?: boolean;
  callbackUrl?: string;
  accountId?: string;
  paymentOptionToken?: string;
  preAuth?: boolean;
  recurring?: boolean;
}

/** ShopeePay options. */
export interface ShopeepayOptions {
  callbackUrl?: string;
}

/** QRIS options. */
export interface QrisOptions {
  acquirer?: QrisAcquirer;
}

/** Convenience-store options. */
export interface CstoreOptions {
  store: ConvenienceStore;
  message?: string;
  alfamartFreeText1?: string;
  alfamartFreeText2?: string;
  alfamartFreeText3?: string;
}

/** `paymentType` with the options it takes; options are required where Midtrans requires the object. */
export type ChargePayment =
  | { paymentType: 'bank_transfer'; paymentOptions: BankTransferOptions }
  | { paymentType: 'echannel'; paymentOptions: EchannelOptions }
  | { paymentType: 'credit_card'; paymentOptions: CreditCardOptions }
  | { paymentType: 'gopay'; paymentOptions?: GopayOptions }
  | { paymentType: 'shopeepay'; paymentOptions?: ShopeepayOptions }
  | { paymentType: 'qris'; paymentOptions?: QrisOptions }
  | { paymentType: 'cstore'; paymentOptions: CstoreOptions }
  | { paymentType: 'akulaku' | 'kredivo'; paymentOptions?: undefined };

/** A Core API charge (`POST /v2/charge`). */
export type ChargeRequest = TransactionCommon & { customExpiry?: CustomExpiry } & ChargePayment;

/** `POST /v2/capture`: capture a pre-authorised transaction, in full unless `grossAmount` is given. */
export interface CaptureRequest {
  transactionId: string;
  grossAmount?: Idr;
}

/** A refund; without `amount` Midtrans refunds the rest. Reuse `refundKey` to retry safely. */
export interface RefundRequest {
  refundKey?: string;
  amount?: Idr;
  reason?: string;
}

/** GoPay account linking (`POST /v2/pay/account`). */
export interface PayAccountCreateRequest {
  /** Without the leading 0 or 62. */
  phoneNumber: string;
  countryCode: string;
  redirectUrl?: string;
}

// ---------------------------------------------------------------- snap

/** Snap card settings. */
export interface SnapCreditCard {
  secure?: boolean;
  bank?: string;
  channel?: string;
  type?: 'authorize';
  installment?: { required?: boolean; terms?: Record<string, number[]> };
  whitelistBins?: string[];
  saveCard?: boolean;
}

/** A Snap VA option with only a number. */
export interface SnapVaNumber {
  vaNumber?: string;
}

/** How long a Snap token stays usable. `unit` is Midtrans's spelling, e.g. `minutes`. */
export interface SnapExpiry {
  startTime?: Date;
  unit: string;
  duration: number;
}

/** A Snap transaction (`POST /snap/v1/transactions`). */
export interface SnapRequest extends TransactionCommon {
  enabledPayments?: string[];
  creditCard?: SnapCreditCard;
  bcaVa?: { vaNumber?: string; subCompanyCode?: string; freeText?: JsonObject };
  bniVa?: SnapVaNumber;
  briVa?: SnapVaNumber;
  cimbVa?: SnapVaNumber;
  permataVa?: { vaNumber?: string; recipientName?: string };
  gopay?: { enableCallback?: boolean; callbackUrl?: string };
  shopeepay?: { callbackUrl?: string };
  callbacks?: { finish?: string };
  expiry?: SnapExpiry;
  userId?: string;
}

/** What Snap returns: a token for Snap.js and a hosted payment page. */
export interface SnapResult {
  token: string;
  redirectUrl: string;
}

// ---------------------------------------------------------------- transaction (responses)

/** An `actions[]` entry (QR image, deeplink, status, cancel URLs). */
export interface PaymentAction {
  name: string;
  method: string;
  url: string;
}

/** A VA number and its bank. */
export interface VaNumber {
  bank: string;
  vaNumber: string;
}

/**
 * What the customer needs to pay, flattened so a payment record can store it: `vaNumber`/`bank`
 * from `va_numbers[0]` or Permata's `permata_va_number`, Mandiri bill key, store code, QR and links.
 */
export interface PaymentInstructions {
  /** Every VA number as sent (`va_numbers`). */
  vaNumbers?: VaNumber[];
  vaNumber?: string;
  /** Bank of `vaNumber` (`permata` for Permata). */
  bank?: string;
  billKey?: string;
  billerCode?: string;
  paymentCode?: string;
  store?: string;
  qrString?: string;
  /** URL of the `generate-qr-code` action. */
  qrCodeUrl?: string;
  /** URL of the `deeplink-redirect` action. */
  deeplinkUrl?: string;
  /** 3DS page (card) or provider page (Akulaku, Kredivo). */
  redirectUrl?: string;
  actions?: PaymentAction[];
}

/** Card details of a card transaction. */
export interface CardDetails {
  maskedCard?: string;
  cardType?: string;
  /** Acquiring bank. */
  bank?: string;
  eci?: string;
  threeDsVersion?: string;
  onUs?: boolean;
  /** One-click token, reusable for later charges and subscriptions. */
  savedTokenId?: string;
  savedTokenIdExpiredAt?: Date;
}

/** E-wallet and QRIS details. */
export interface WalletDetails {
  acquirer?: string;
  issuer?: string;
  /** QRIS `on-us` / `off-us`. */
  transactionType?: string;
  merchantCrossReferenceId?: string;
  shopeepayReferenceNumber?: string;
  referenceId?: string;
  paymentOptionType?: string;
  /** QRIS `expire_time` (Midtrans uses this key instead of `expiry_time` there). */
  expireTime?: Date;
}

/** A part payment of a VA transaction. */
export interface PaymentAmount {
  paidAt: Date;
  amount: Idr;
}

/** One refund in a transaction's `refunds[]`. */
export interface TransactionRefund {
  refundChargebackId: number;
  amount: Idr;
  createdAt: Date;
  reason?: string;
  refundKey?: string;
  refundMethod?: 'online' | 'offline';
  /** Set on the second refund notification, once the bank confirmed. */
  bankConfirmedAt?: Date;
}

/**
 * A Core API transaction as charge, status and action responses and notifications carry it.
 * `statusCode`, `transactionStatus`, `paymentType` and `fraudStatus` are kept verbatim.
 */
export interface Transaction {
  statusCode: string;
  statusMessage?: string;
  transactionId: string;
  orderId: string;
  merchantId?: string;
  grossAmount: Idr;
  currency?: string;
  paymentType: string;
  transactionTime?: Date;
  transactionStatus: string;
  fraudStatus?: string;
  expiryTime?: Date;
  settlementTime?: Date;
  signatureKey?: string;
  instructions: PaymentInstructions;
  paymentAmounts?: PaymentAmount[];
  card?: CardDetails;
  wallet?: WalletDetails;
  approvalCode?: string;
  channelResponseCode?: string;
  channelResponseMessage?: string;
  /** `custom_field1..3` in order; a gap before a later field is an empty string. */
  customFields: string[];
  metadata?: JsonObject;
  /** Cumulative on statuses and notifications; this refund's amount on a refund response. */
  refundAmount?: Idr;
  refunds?: TransactionRefund[];
  refundChargebackId?: number;
  refundKey?: string;
}

/** A refund or direct-refund response. */
export interface RefundResult extends Transaction {
  refundChargebackId: number;
  /** Amount of this refund (`0` when a direct refund was rejected). */
  refundAmount: Idr;
  refundKey: string;
}

/** Card tokenisation result. */
export interface CardToken {
  statusCode: string;
  statusMessage: string;
  tokenId: string;
  hash?: string;
}

/** A linked GoPay account's payment option; `token` is what subscriptions use. */
export interface PayAccountOption {
  name: string;
  active: boolean;
  balance?: { value: Idr; currency: string };
  metadata?: JsonObject;
  token: string;
}

/** A GoPay pay account (create or get). */
export interface PayAccount {
  statusCode: string;
  paymentType: string;
  accountId?: string;
  accountStatus?: 'PENDING' | 'EXPIRED' | 'ENABLED' | 'DISABLED';
  actions?: PaymentAction[];
  paymentOptions?: PayAccountOption[];
  channelResponseCode?: string;
  channelResponseMessage?: string;
}

// ---------------------------------------------------------------- subscriptions

/** Subscription contact details. */
export interface SubscriptionCustomer {
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
}

/** When a subscription charges. `maxInterval` 0 = once, null or absent = forever. */
export interface SubscriptionSchedule {
  interval: number;
  intervalUnit: IntervalUnit;
  maxInterval?: number | null;
  startTime?: Date;
}

/** How failed subscription charges are retried (`maxInterval` ≤ 3, 0 = no retry). */
export interface RetrySchedule {
  interval: number;
  intervalUnit: RetryIntervalUnit;
  maxInterval: number;
}

/** `POST /v1/subscriptions`. `amount` is integer IDR (sent as a string). */
export interface SubscriptionCreateRequest {
  name: string;
  amount: Idr;
  paymentType: SubscriptionPaymentType;
  /** Card `saved_token_id`, or the GoPay pay-account option token. */
  token: string;
  schedule: SubscriptionSchedule;
  retrySchedule?: RetrySchedule;
  metadata?: JsonObject;
  customerDetails?: SubscriptionCustomer;
  /** Required for GoPay subscriptions. */
  gopayAccountId?: string;
}

/** `PATCH /v1/subscriptions/{id}`; only `schedule.interval` and `startTime` can change in the schedule. */
export interface SubscriptionUpdateRequest {
  name?: string;
  amount?: Idr;
  token?: string;
  schedule?: { interval?: number; startTime?: Date };
  retrySchedule?: RetrySchedule;
  gopayAccountId?: string;
}

/** A subscription as Midtrans reports it. */
export interface MidtransSubscription {
  id: string;
  name: string;
  amount: Idr;
  currency: string;
  createdAt?: Date;
  schedule: SubscriptionSchedule & {
    currentInterval?: number;
    previousExecutionAt?: Date;
    nextExecutionAt?: Date;
  };
  retrySchedule?: RetrySchedule;
  status: SubscriptionStatus;
  token: string;
  paymentType: SubscriptionPaymentType;
  /** Successfully charged transactions. */
  transactionIds?: string[];
  metadata?: JsonObject;
  customerDetails?: SubscriptionCustomer;
  gopayAccountId?: string;
  merchantId?: string;
}

/** A recurring-notification body: the charge attempt (if any) and the subscription. */
export interface SubscriptionNotification {
  eventName?: string;
  transaction?: {
    statusCode: string;
    statusMessage?: string;
    transactionStatus?: string;
    transactionId?: string;
    channelResponseCode?: string;
    channelResponseMessage?: string;
  };
  subscription: MidtransSubscription;
}

// ---------------------------------------------------------------- invoices

/** The invoiced customer. */
export interface InvoiceCustomer {
  id?: string;
  name: string;
  email: string;
  phone?: string;
}

/** One invoice line. */
export interface InvoiceLine {
  itemId?: string;
  description: string;
  quantity: number;
  price: Idr;
}

/** `payment_link` settings of a `payment_link` invoice. */
export interface InvoicePaymentLink {
  isCustomExpiry?: boolean;
  enabledPayments?: string[];
  expiry?: { unit: string; duration: number; startTime?: Date };
  callbacks?: { finish?: string };
}

/** `POST /v1/invoices`. */
export interface InvoiceCreateRequest {
  orderId: string;
  invoiceNumber: string;
  dueDate: Date;
  invoiceDate: Date;
  invoiceTitle?: string;
  invoicePaidTitle?: string;
  customer: InvoiceCustomer;
  items: InvoiceLine[];
  notes?: string;
  reference?: string;
  paymentType: InvoicePaymentType;
  /** Required (≥ 1) for `virtual_account` invoices; `bank` is e.g. `bca_va`. */
  virtualAccounts?: { bank: string; number?: string }[];
  paymentLink?: InvoicePaymentLink;
  /** Added to (shipping) or taken from (discount) the items total. */
  amount?: { discount?: Idr; shipping?: Idr };
}

/** An invoice as Midtrans reports it. */
export interface MidtransInvoice {
  id: string;
  orderId: string;
  invoiceNumber: string;
  status: InvoiceStatus;
  grossAmount: Idr;
  dueDate: Date;
  invoiceDate: Date;
  publishedDate?: Date;
  invoiceTitle?: string;
  invoicePaidTitle?: string;
  reference?: string;
  customer: InvoiceCustomer;
  items: InvoiceLine[];
  notes?: string;
  paymentType: InvoicePaymentType;
  pdfUrl?: string;
  /** `null` for virtual-account invoices, as Midtrans sends it. */
  paymentLinkUrl?: string | null;
  virtualAccounts?: { bank: string; number: string }[];
}
