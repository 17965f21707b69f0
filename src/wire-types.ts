/**
 * Midtrans's own JSON shapes, snake_case, as docs/midtrans-wire.md and the fixtures in
 * test/fixtures show them.
 * Response types list what Midtrans documents; real responses may omit optional fields
 * and add new ones, so every response type stays open to unknown keys.
 */
import type {
  Bank,
  ConvenienceStore,
  FraudStatus,
  IntervalUnit,
  InvoicePaymentType,
  InvoiceStatus,
  PaymentType,
  QrisAcquirer,
  RetryIntervalUnit,
  SubscriptionPaymentType,
  SubscriptionStatus,
} from './constants.js';

/** Any JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };

// ---------------------------------------------------------------- requests

/** `transaction_details`. */
export interface WireTransactionDetails {
  order_id: string;
  gross_amount: number;
}

/** One `item_details[]` entry. */
export interface WireItemDetail {
  id?: string;
  price: number;
  quantity: number;
  name: string;
  brand?: string;
  category?: string;
  merchant_name?: string;
  url?: string;
}

/** A billing or shipping address. */
export interface WireAddress {
  first_name?: string;
  last_name?: string;
  email?: string;
  phone?: string;
  address?: string;
  city?: string;
  postal_code?: string;
  country_code?: string;
}

/** `customer_details`. */
export interface WireCustomerDetails {
  first_name?: string;
  last_name?: string;
  email?: string;
  phone?: string;
  billing_address?: WireAddress;
  shipping_address?: WireAddress;
}

/** `custom_expiry` of a Core API charge. */
export interface WireCustomExpiry {
  order_time?: string;
  /** Midtrans types it String(50): `60` and `"60"` are both taken. */
  expiry_duration: number | string;
  /** Default minute. */
  unit?: 'second' | 'minute' | 'hour' | 'day';
}

/** `bank_transfer` method object. */
export interface WireBankTransfer {
  bank: Bank;
  va_number?: string;
  free_text?: { inquiry?: { en: string; id: string }[]; payment?: { en: string; id: string }[] };
  bca?: { sub_company_code?: string };
  permata?: { recipient_name?: string };
}

/** `echannel` method object (Mandiri Bill). */
export interface WireEchannel {
  bill_info1: string;
  bill_info2: string;
  bill_info3?: string;
  bill_info4?: string;
  bill_info5?: string;
  bill_info6?: string;
  bill_info7?: string;
  bill_info8?: string;
  bill_key?: string;
}

/** `credit_card` method object. */
export interface WireCreditCard {
  token_id: string;
  authentication?: boolean;
  callback_type?: 'js_event' | 'form';
  save_token_id?: boolean;
  type?: 'authorize';
  bank?: string;
  installment_term?: number;
  bins?: string[];
  channel?: string;
}

/** `gopay` method object. */
export interface WireGopay {
  enable_callback?: boolean;
  callback_url?: string;
  account_id?: string;
  payment_option_token?: string;
  pre_auth?: boolean;
  recurring?: boolean;
}

/** `shopeepay` method object. */
export interface WireShopeepay {
  callback_url?: string;
}

/** `qris` method object. */
export interface WireQris {
  acquirer?: QrisAcquirer;
}

/** `cstore` method object. */
export interface WireCstore {
  store: ConvenienceStore;
  message?: string;
  alfamart_free_text_1?: string;
  alfamart_free_text_2?: string;
  alfamart_free_text_3?: string;
}

/** Fields common to a Core API charge and a Snap transaction. */
export interface WireTransactionCommon {
  transaction_details: WireTransactionDetails;
  item_details?: WireItemDetail[];
  customer_details?: WireCustomerDetails;
  custom_field1?: string;
  custom_field2?: string;
  custom_field3?: string;
  metadata?: JsonObject;
}

/** `POST /v2/charge` body. */
export interface WireChargeRequest extends WireTransactionCommon {
  payment_type: PaymentType;
  custom_expiry?: WireCustomExpiry;
  bank_transfer?: WireBankTransfer;
  echannel?: WireEchannel;
  credit_card?: WireCreditCard;
  gopay?: WireGopay;
  shopeepay?: WireShopeepay;
  qris?: WireQris;
  cstore?: WireCstore;
}

/** `POST /v2/capture` body. */
export interface WireCaptureRequest {
  transaction_id: string;
  gross_amount?: number;
}

/** `POST /v2/{id}/refund` (and direct refund) body. */
export interface WireRefundRequest {
  refund_key?: string;
  amount?: number;
  reason?: string;
}

/** `POST {snap}/transactions` body. */
export interface WireSnapRequest extends WireTransactionCommon {
  enabled_payments?: string[];
  credit_card?: {
    secure?: boolean;
    bank?: string;
    channel?: string;
    type?: 'authorize';
    installment?: { required?: boolean; terms?: Record<string, number[]> };
    whitelist_bins?: string[];
    save_card?: boolean;
  };
  bca_va?: { va_number?: string; sub_company_code?: string; free_text?: JsonObject };
  bni_va?: { va_number?: string };
  bri_va?: { va_number?: string };
  cimb_va?: { va_number?: string };
  permata_va?: { va_number?: string; recipient_name?: string };
  gopay?: { enable_callback?: boolean; callback_url?: string };
  shopeepay?: { callback_url?: string };
  callbacks?: { finish?: string };
  expiry?: { start_time?: string; unit: string; duration: number };
  user_id?: string;
}

/** `GET /v2/token` query (card tokenisation, authenticated by the client key). */
export interface WireCardTokenQuery {
  client_key: string;
  card_number?: string;
  card_cvv?: string;
  card_exp_month?: string;
  card_exp_year?: string;
  token_id?: string;
  bank_one_time_token?: string;
}

/**
 * `GET /v2/card/register` query (save a card for one- and two-click payments), authenticated
 * by the client key like `/v2/token`. Midtrans also documents a JSONP `callback`.
 */
export interface WireCardRegisterQuery {
  client_key: string;
  card_number: string;
  card_exp_month: string;
  card_exp_year: string;
  callback?: string;
}

/** `GET /v2/point_inquiry/{token_id}` query; `gross_amount` is required for Mandiri points. */
export interface WirePointInquiryQuery {
  gross_amount?: string;
}

/** `GET /v2/{id}/status/b2b` paging: `page` is 0-based (default 0), `per_page` defaults to 10. */
export interface WireStatusB2bQuery {
  page?: string;
  per_page?: string;
}

/** `POST /v2/pay/account` body (GoPay account linking). */
export interface WirePayAccountRequest {
  payment_type: 'gopay';
  gopay_partner: { phone_number: string; country_code: string; redirect_url?: string };
}

/** Subscription `schedule` in a create request. */
export interface WireSubscriptionSchedule {
  interval: number;
  interval_unit: IntervalUnit;
  max_interval?: number | null;
  start_time?: string;
}

/** Subscription `retry_schedule`. */
export interface WireRetrySchedule {
  interval: number;
  interval_unit: RetryIntervalUnit;
  max_interval: number;
}

/** `POST /v1/subscriptions` body. */
export interface WireSubscriptionCreateRequest {
  name: string;
  amount: string;
  currency: 'IDR';
  payment_type: SubscriptionPaymentType;
  token: string;
  schedule: WireSubscriptionSchedule;
  retry_schedule?: WireRetrySchedule;
  metadata?: JsonObject;
  customer_details?: { first_name?: string; last_name?: string; email?: string; phone?: string };
  gopay?: { account_id: string };
}

/** `PATCH /v1/subscriptions/{id}` body. */
export interface WireSubscriptionUpdateRequest {
  name?: string;
  amount?: string;
  currency?: 'IDR';
  token?: string;
  schedule?: { interval?: number; start_time?: string };
  retry_schedule?: WireRetrySchedule;
  gopay?: { account_id: string };
}

/** One invoice `item_details[]` entry. */
export interface WireInvoiceItem {
  item_id?: string;
  description: string;
  quantity: number;
  price: number;
}

/** `POST /v1/invoices` body. */
export interface WireInvoiceCreateRequest {
  order_id: string;
  invoice_number: string;
  due_date: string;
  invoice_date: string;
  invoice_title?: string;
  invoice_paid_title?: string;
  customer_details: { id?: string; name: string; email: string; phone?: string };
  reference?: string;
  item_details: WireInvoiceItem[];
  notes?: string;
  payment_type: InvoicePaymentType;
  payment_link?: JsonObject;
  virtual_accounts?: { bank: string; number?: string }[];
  amount?: { vat?: string; discount?: string; shipping?: string };
  tax_mode?: 'exclusive' | 'inclusive';
  taxes?: { name: string; type: 'percentage'; value: number }[];
  document_type?: 'invoice' | 'quotation';
}

// ---------------------------------------------------------------- responses

/** `actions[]` entry of an e-wallet / QRIS charge. */
export interface WireAction {
  name: string;
  method: string;
  url: string;
}

/** `va_numbers[]` entry. */
export interface WireVaNumber {
  bank: string;
  va_number: string;
}

/** `refunds[]` entry of a status or notification body. */
export interface WireRefundEntry {
  refund_chargeback_id: number;
  refund_amount: string;
  created_at: string;
  reason?: string;
  refund_key?: string;
  refund_method?: 'online' | 'offline';
  bank_confirmed_at?: string;
}

/**
 * A Core API transaction as charge, status, action responses and notifications carry it.
 * `status_code` and `gross_amount` are strings (`"200"`, `"150000.00"`).
 */
export interface WireTransaction {
  status_code: string;
  status_message?: string;
  transaction_id: string;
  order_id: string;
  merchant_id?: string;
  gross_amount: string;
  currency?: string;
  payment_type: string;
  transaction_time?: string;
  transaction_status: string;
  fraud_status?: string;
  expiry_time?: string;
  settlement_time?: string;
  signature_key?: string;
  va_numbers?: WireVaNumber[];
  payment_amounts?: { paid_at: string; amount: string }[];
  permata_va_number?: string;
  bill_key?: string;
  biller_code?: string;
  payment_code?: string;
  store?: string;
  redirect_url?: string;
  actions?: WireAction[];
  qr_string?: string;
  acquirer?: string;
  issuer?: string;
  expire_time?: string;
  transaction_type?: string;
  merchant_cross_reference_id?: string;
  shopeepay_reference_number?: string;
  reference_id?: string;
  masked_card?: string;
  card_type?: string;
  bank?: string;
  approval_code?: string;
  eci?: string;
  channel_response_code?: string;
  channel_response_message?: string;
  three_ds_version?: string;
  on_us?: boolean;
  saved_token_id?: string;
  saved_token_id_expired_at?: string;
  payment_option_type?: string;
  custom_field1?: string;
  custom_field2?: string;
  custom_field3?: string;
  metadata?: JsonObject;
  refund_amount?: string;
  refunds?: WireRefundEntry[];
  refund_chargeback_id?: number;
  refund_key?: string;
  [extra: string]: unknown;
}

/** Charge response (body 200/201, or 202 when denied). */
export type WireChargeResponse = WireTransaction;
/** GET status response (body 200/201/202, or 407 for an expired transaction). */
export type WireStatusResponse = WireTransaction;
/** A Payment Notification body. */
export type WireNotification = WireTransaction;
/** cancel / expire / approve / deny / capture response. */
export type WireActionResponse = WireTransaction;

/**
 * `GET /v2/{id}/status/b2b` response: every transaction tied to the order (a multi-use VA's
 * payments), newest first, one page of them; each item is shaped like a get-status answer.
 */
export interface WireStatusB2bResponse {
  status_code: string;
  status_message: string;
  transactions: WireTransaction[];
  [extra: string]: unknown;
}

/** Refund or direct-refund response. */
export interface WireRefundResponse extends WireTransaction {
  refund_chargeback_id: number;
  refund_amount: string;
  refund_key: string;
}

/** Snap create response. */
export interface WireSnapResponse {
  token: string;
  redirect_url: string;
}

/** Card token response. */
export interface WireCardTokenResponse {
  status_code: string;
  status_message: string;
  token_id: string;
  hash?: string;
  [extra: string]: unknown;
}

/** `GET /v2/card/register` response: the saved token for one- and two-click payments. */
export interface WireCardRegisterResponse {
  status_code: string;
  saved_token_id: string;
  transaction_id: string;
  masked_card: string;
  [extra: string]: unknown;
}

/** `GET /v2/point_inquiry/{token_id}` response; the balance is IDR as a "N.00" string. */
export interface WirePointInquiryResponse {
  status_code: string;
  status_message: string;
  transaction_time: string;
  point_balance_amount: string;
  [extra: string]: unknown;
}

/**
 * `GET /v1/bins/{bin}` response (BIN API). Midtrans calls the values advisory: any of them may
 * change or be empty; only `bin` and `bin_type` are documented as always present.
 */
export interface WireBinResponse {
  data: {
    bin: string;
    bin_type: string;
    bin_class?: string;
    brand?: string;
    bank?: string;
    bank_code?: string;
    country_name?: string;
    country_code?: string;
    [extra: string]: unknown;
  };
}

/** `POST {snapBaseUrl}/transactions/{token}/cancel` response: when the Snap session was cancelled. */
export interface WireSnapCancelResponse {
  /** ISO 8601 in UTC with milliseconds, e.g. `2025-06-03T13:09:39.776Z`. */
  canceled_at: string;
}

/** Pay-account create / get response. */
export interface WirePayAccountResponse {
  status_code: string;
  payment_type: string;
  account_id?: string;
  account_status?: 'PENDING' | 'EXPIRED' | 'ENABLED' | 'DISABLED';
  actions?: WireAction[];
  metadata?: {
    payment_options?: {
      name: string;
      active: boolean;
      balance?: { value: string; currency: string };
      metadata?: JsonObject;
      token: string;
    }[];
  };
  channel_response_code?: string;
  channel_response_message?: string;
  [extra: string]: unknown;
}

/** A subscription object (create and get responses). */
export interface WireSubscription {
  id: string;
  name: string;
  amount: string;
  currency: string;
  created_at?: string;
  schedule: {
    interval: number;
    interval_unit: IntervalUnit;
    max_interval?: number | null;
    current_interval?: number;
    start_time?: string;
    previous_execution_at?: string;
    next_execution_at?: string;
  };
  retry_schedule?: WireRetrySchedule;
  status: SubscriptionStatus;
  token: string;
  payment_type: SubscriptionPaymentType;
  transaction_ids?: string[];
  metadata?: JsonObject;
  customer_details?: { first_name?: string; last_name?: string; email?: string; phone?: string };
  gopay?: { account_id: string };
  merchant_id?: string;
  [extra: string]: unknown;
}

/** enable / disable / cancel / update subscription response. */
export interface WireSubscriptionActionResponse {
  status_message: string;
}

/** A recurring (subscription) notification body; carries no signature. */
export interface WireSubscriptionNotification {
  event_name?: string;
  transaction?: {
    transaction_status?: string;
    transaction_id?: string;
    status_code: string;
    status_message?: string;
    channel_response_code?: string;
    channel_response_message?: string;
  };
  subscription: WireSubscription;
}

/** An invoice object (create and get responses). */
export interface WireInvoice {
  id: string;
  order_id: string;
  invoice_number: string;
  status: InvoiceStatus;
  gross_amount: number;
  due_date: string;
  invoice_date: string;
  published_date?: string;
  invoice_title?: string;
  invoice_paid_title?: string;
  reference?: string;
  customer_details: { id?: string; name: string; email: string; phone?: string };
  item_details: WireInvoiceItem[];
  notes?: string;
  payment_type: InvoicePaymentType;
  pdf_url?: string;
  payment_link_url?: string | null;
  virtual_accounts?: { bank: string; number: string }[];
  [extra: string]: unknown;
}

/** `PATCH /v1/invoices/{id}/void` optional body (`cancel_as` is for quotations only). */
export interface WireInvoiceVoidRequest {
  cancel_as?: 'client';
}

/** Void invoice response. */
export interface WireInvoiceVoidResponse {
  success: boolean;
}

// ---------------------------------------------------------------- errors

/** Core API error body. */
export interface WireCoreError {
  status_code: string;
  status_message: string;
  id?: string;
  validation_messages?: string[];
}

/** Snap and Invoicing error body. */
export interface WireErrorMessages {
  error_messages: string[];
}

/** Subscriptions error body. */
export interface WireSubscriptionError {
  status_message: string;
  validation_messages?: string[];
}

/** A fraud status as it may appear on the wire (any case), or absent. */
export type WireFraudStatus = FraudStatus | Uppercase<FraudStatus> | string | undefined;

// ---------------------------------------------------------------- payment links

/** One `item_details[]` entry of a payment link (Snap's item shape). */
export interface WirePaymentLinkItem {
  id?: string;
  name: string;
  price: number;
  quantity: number;
  brand?: string;
  category?: string;
  merchant_name?: string;
}

/** `customer_details` of a payment link. */
export interface WirePaymentLinkCustomer {
  first_name?: string;
  last_name?: string;
  email?: string;
  phone?: string;
  notes?: string;
  customer_details_required_fields?: string[];
}

/** `expiry` of a payment link: `start_time` is `yyyy-MM-dd HH:mm Z`; unit `minutes`, `hours` or `days`. */
export interface WirePaymentLinkExpiry {
  start_time?: string;
  duration: number;
  unit: string;
}

/** `POST /v1/payment-links` body. */
export interface WirePaymentLinkCreateRequest {
  transaction_details: { order_id: string; gross_amount: number; payment_link_id?: string };
  customer_required?: boolean;
  usage_limit?: number;
  expiry?: WirePaymentLinkExpiry;
  enabled_payments?: string[];
  item_details?: WirePaymentLinkItem[];
  customer_details?: WirePaymentLinkCustomer;
  title?: string;
  custom_field1?: string;
  custom_field2?: string;
  custom_field3?: string;
  callbacks?: { finish?: string };
  credit_card?: JsonObject;
}

/** `POST /v1/payment-links` answer: the link's order id and the URL to share. */
export interface WirePaymentLinkCreateResponse {
  order_id: string;
  payment_url: string;
}

/** One payment made through a link (`purchases[]` of the get response). */
export interface WirePaymentLinkPurchase {
  order_id: string;
  payment_status: string;
  payment_method?: string;
  snap_token?: string;
  [extra: string]: unknown;
}

/** `GET /v1/payment-links/{order_id}` answer. */
export interface WirePaymentLink {
  order_id: string;
  payment_link_url: string;
  payment_link_id?: string;
  gross_amount: number;
  usage_limit?: number | null;
  usage: number;
  enabled_payments?: string[];
  expiry_start?: string;
  expiry_duration?: number;
  expiry_unit?: string;
  item_details?: JsonObject[];
  customer_details?: JsonObject;
  purchases?: WirePaymentLinkPurchase[];
  [extra: string]: unknown;
}

/** `DELETE /v1/payment-links/{order_id}` answer. */
export interface WirePaymentLinkDeleteResponse {
  message: string;
}
