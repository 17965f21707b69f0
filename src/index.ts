/**
 * midtrans-kit: typed Midtrans payments for Node.js.
 *
 * This entry exports what a host uses: `createMidtrans` (the kit: payments, invoices,
 * subscriptions, webhooks, reconciler, events), the service classes (to subclass) with their
 * inputs, results and hooks, the event names and payloads, the camelCase vocabulary and
 * constants, the error hierarchy, notification signing, the typed API client and the Knex store.
 * Midtrans's snake_case wire shapes and their mappers live in `midtrans-kit/wire`; the HTTP
 * surface in `midtrans-kit/http`. Everything else is internal and may change in any release:
 * `api/midtrans-kit.api.md` is the reviewed list of this entry's names.
 * @packageDocumentation
 */

export type { BackoffOptions } from './client/backoff.js';
// The typed Midtrans client (its calls take and return the shapes of `midtrans-kit/wire`).
export {
  type CallOptions,
  type CardApi,
  type CardRegisterQuery,
  type CardTokenQuery,
  type ChargeOptions,
  type CoreApi,
  createMidtransClient,
  fetchTransport,
  type HttpClientDeps,
  type HttpMethod,
  type IdempotentCallOptions,
  type InvoicesApi,
  type MidtransClient,
  type NotificationCallOptions,
  type NotificationUrls,
  nodeHttpTransport,
  type PaymentLinksApi,
  type SnapApi,
  type SubscriptionsApi,
  type Transport,
  type TransportRequest,
  type TransportResponse,
} from './client/index.js';
// Options, and what a service subclass reads from `ctx.config`.
export type {
  LogFunction,
  MidtransClientOptions,
  MidtransKitOptions,
  MidtransLogger,
  ResolvedClientConfig,
  ResolvedConfig,
} from './config.js';
export * from './constants.js';
export type { Idr } from './domain/money.js';
export { type SignedFields, signNotification, verifyNotification } from './domain/signature.js';
// The camelCase vocabulary of requests, transactions, subscriptions and invoices.
export type * from './domain/types.js';
export {
  ConfigError,
  ConflictError,
  type FieldIssue,
  InvalidStateError,
  MidtransApiError,
  type MidtransApiErrorDetails,
  MidtransKitError,
  type MidtransKitErrorCode,
  MidtransNetworkError,
  NotFoundError,
  SignatureError,
  ValidationError,
} from './errors.js';
export {
  createMidtrans,
  type KitEventsApi,
  type MidtransKit,
  type MidtransOptions,
  type MidtransServices,
} from './kit.js';
export type { ServiceContext } from './services/core/context.js';
export type {
  AfterChargeContext,
  BeforeChargeContext,
  BeforeInvoiceContext,
  BeforeSubscriptionContext,
  KitUser,
  MidtransHooks,
  OrderIdContext,
  ResolvedHooks,
  StatusChangeContext,
} from './services/core/hooks.js';
export type { KitLogger } from './services/core/logger.js';
export type {
  GopayAccountEventPayload,
  InvoiceEventPayload,
  KitEvent,
  KitEventEnvelope,
  KitEventHandlers,
  KitEventListener,
  KitEvents,
  KitEventType,
  NotificationRejectedPayload,
  PaymentEventPayload,
  PaymentLinkEventPayload,
  RecordEventSource,
  RefundEventPayload,
  SubscriptionChargeEventPayload,
  SubscriptionEventPayload,
} from './services/events/event-types.js';
export { KIT_EVENT_TYPES } from './services/events/event-types.js';
export type {
  BatchHandler,
  DispatchResult,
  EnqueueOptions,
  EventBus,
  EventBusOptions,
  EventConsumer,
} from './services/events/events.js';
export { DEFAULT_CONSUMER } from './services/events/events.js';
export type { LinkGopayAccountOptions } from './services/gopay-accounts/gopay-account-schema.js';
export { GopayAccountService } from './services/gopay-accounts/gopay-accounts.js';
export type { GopayLinkResult } from './services/gopay-accounts/gopay-link-flow.js';
export type { InvoiceResult } from './services/invoices/invoice-flow.js';
export type { CreateInvoiceOptions, InvoiceItemInput } from './services/invoices/invoice-input.js';
export type { InvoiceRef } from './services/invoices/invoice-records.js';
export type { InvoiceStatus as LocalInvoiceStatus } from './services/invoices/invoice-sync.js';
export { InvoiceService } from './services/invoices/invoices.js';
export {
  type VoidInvoiceOptions,
  VoidInvoiceOptionsSchema,
} from './services/invoices/void-options.js';
// What `NotificationService`'s protected `decide` (a subclass's hook) takes and returns.
export type {
  NotificationSummary,
  ParsedNotification,
  PayAccountNotification,
} from './services/notifications/notification-parse.js';
export type { AppliedDelivery } from './services/notifications/notification-record.js';
export {
  type IncomingHeaders,
  NOTIFICATION_VERDICTS,
  type NotificationResult,
  NotificationService,
  type NotificationServiceOptions,
  type NotificationVerdict,
  type ReplayableVerdict,
  type ReprocessFilter,
  type ReprocessTarget,
  VERDICT_HTTP_STATUS,
} from './services/notifications/notifications.js';
export {
  type CreatePaymentLinkInput,
  PAYMENT_LINK_EXPIRY_UNITS,
  PAYMENT_LINK_STATUSES,
  PaymentLinkInputSchema,
  type PaymentLinkItemInput,
  PaymentLinkItemSchema,
  PaymentLinkListFiltersSchema,
} from './services/payment-links/payment-link-schema.js';
export {
  type ListPaymentLinksOptions,
  type PaymentLinkOwner,
  PaymentLinkService,
} from './services/payment-links/payment-links.js';
export type { ChargeResult } from './services/payments/charge-flow.js';
export type {
  ChargeCommonOptions,
  CreateChargeOptions,
  CreateSnapOptions,
} from './services/payments/charge-input.js';
export type { OperationResult } from './services/payments/operation-flow.js';
// The options' rules: the service checks every call with them, and a host may check its own forms.
export {
  type CaptureOptions,
  CaptureOptionsSchema,
  type PaymentListFilters,
  PaymentListFiltersSchema,
  RefundOptionsSchema,
} from './services/payments/operation-schemas.js';
export type { PaymentRef } from './services/payments/payment-records.js';
export { type ListPaymentsOptions, PaymentService } from './services/payments/payments.js';
export type { RefundOptions, RefundResultRecord } from './services/payments/refund-flow.js';
export type { SnapTransactionResult } from './services/payments/snap-flow.js';
export type { BillingSweep } from './services/reconciler/reconcile-billing.js';
export type { ChargeSweep } from './services/reconciler/reconcile-charges.js';
export { ReconcileOptionsSchema } from './services/reconciler/reconcile-options.js';
export type { PaymentLinkSweep } from './services/reconciler/reconcile-payment-links.js';
export type { RefundSweep } from './services/reconciler/reconcile-refunds.js';
export {
  RECONCILED_STATUSES,
  type ReconcileOptions,
  Reconciler,
  type ReconcileSummary,
} from './services/reconciler/reconciler.js';
export type { SubscriptionAction, SubscriptionRef } from './services/subscriptions/subscription-actions.js';
export type { SubscriptionResult } from './services/subscriptions/subscription-flow.js';
export type {
  CreateSubscriptionOptions,
  UpdateSubscriptionOptions,
} from './services/subscriptions/subscription-input.js';
export type { SubscriptionStatus as LocalSubscriptionStatus } from './services/subscriptions/subscription-sync.js';
export { SubscriptionService } from './services/subscriptions/subscriptions.js';
// The store: a host may build one itself (`createKnexStore`) and read records through it.
export type { DialectName } from './storage/dialect.js';
export {
  type ClaimedEvent,
  type ClaimQuery,
  createKnexStore,
  type DatabaseOption,
  type EventDeliveryRepository,
  type KnexStore,
  type KnexStoreOptions,
  type LockingEventDeliveryRepository,
  type MigrationReport,
  type Page,
  type PageRequest,
  type Repositories,
  type Store,
  type StoreTransaction,
  type TableNames,
} from './storage/index.js';
export { UnsafeIntegerError } from './storage/integers.js';
// Stored JSON columns hold any JSON-serialisable value; `JsonObject` above is the wire's stricter one.
export type { JsonArray, JsonDocument, JsonObject as JsonRecord } from './storage/json.js';
export type * from './storage/records/common.js';
export type * from './storage/records/gopay-account.js';
export type * from './storage/records/invoice.js';
export type * from './storage/records/notification.js';
export type * from './storage/records/outbox-event.js';
export type * from './storage/records/payment.js';
export type * from './storage/records/payment-event.js';
export type * from './storage/records/payment-link.js';
export type * from './storage/records/refund.js';
export type * from './storage/records/subscription.js';
