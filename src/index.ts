/**
 * midtrans-kit: typed Midtrans payments for Node.js.
 *
 * This entry exports `createMidtrans` (the kit: payments, webhooks, reconciler, events), the
 * service classes (to subclass), the vocabulary, the error hierarchy, the pure Midtrans rules
 * (status, signature, money, order ids, wire mapping), the typed API client and the Knex store.
 * @packageDocumentation
 */
export * from './client/index.js';
export type * from './client/wire-types.js';
export type { LogFunction, MidtransClientOptions, MidtransKitOptions, MidtransLogger } from './config.js';
export { resolveConfig } from './config.js';
export * from './constants.js';
export * from './domain/mapping.js';
export {
  assertAmount,
  formatAmount,
  type Idr,
  itemsTotal,
  type PricedItem,
  parseAmount,
} from './domain/money.js';
export {
  allowedOperations,
  assertOperationAllowed,
  operationsForPaymentStatus,
} from './domain/operations.js';
export {
  generateInvoiceOrderId,
  generateOrderId,
  isValidOrderId,
  validateOrderId,
} from './domain/order-id.js';
export {
  computeSignature,
  type SignedFields,
  signNotification,
  verifyNotification,
} from './domain/signature.js';
export {
  isSuccessNotification,
  parseFraudStatus,
  parseTransactionStatus,
  toPaymentStatus,
} from './domain/status.js';
export {
  canTransition,
  classifyTransition,
  isAwaitingOutcome,
  isFinal,
  isPaid,
  nextStatuses,
  type TransitionKind,
} from './domain/transitions.js';
export type * from './domain/types.js';
export { formatMidtransTime, formatMidtransTimeWithZone, parseMidtransTime } from './domain/wire-time.js';
export * from './errors.js';
export {
  createMidtrans,
  type KitEventsApi,
  type MidtransKit,
  type MidtransOptions,
  type MidtransServices,
} from './kit.js';
export type { ChargeResult } from './services/charge-flow.js';
export type { ChargeCommonOptions, CreateChargeOptions, CreateSnapOptions } from './services/charge-input.js';
export type { ServiceContext } from './services/context.js';
export type {
  InvoiceEventPayload,
  KitEvent,
  KitEventEnvelope,
  KitEventListener,
  KitEvents,
  KitEventType,
  NotificationRejectedPayload,
  PaymentEventPayload,
  RecordEventSource,
  RefundEventPayload,
  SubscriptionChargeEventPayload,
  SubscriptionEventPayload,
} from './services/event-types.js';
export { KIT_EVENT_TYPES } from './services/event-types.js';
export type { DispatchResult, EventBus, EventBusOptions } from './services/events.js';
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
} from './services/hooks.js';
export type { InvoiceResult } from './services/invoice-flow.js';
export type { CreateInvoiceOptions, InvoiceItemInput } from './services/invoice-input.js';
export type { InvoiceRef } from './services/invoice-records.js';
export type { InvoiceStatus as LocalInvoiceStatus } from './services/invoice-sync.js';
export { InvoiceService, type VoidInvoiceOptions } from './services/invoices.js';
export type { KitLogger } from './services/logger.js';
export {
  type IncomingHeaders,
  NOTIFICATION_VERDICTS,
  type NotificationResult,
  NotificationService,
  type NotificationServiceOptions,
  type NotificationVerdict,
  type ReprocessFilter,
  type ReprocessTarget,
  VERDICT_HTTP_STATUS,
} from './services/notifications.js';
export type { OperationResult } from './services/operation-flow.js';
export type { PaymentRef } from './services/payment-records.js';
export {
  type ApplyOptions,
  type ApplyResult,
  amountMatches,
  applyTransaction,
} from './services/payment-sync.js';
export { type CaptureOptions, type ListPaymentsOptions, PaymentService } from './services/payments.js';
export {
  RECONCILED_STATUSES,
  type ReconcileOptions,
  Reconciler,
  type ReconcileSummary,
} from './services/reconciler.js';
export type { RefundOptions, RefundResultRecord } from './services/refund-flow.js';
export type { SnapTransactionResult } from './services/snap-flow.js';
export type { SubscriptionAction, SubscriptionRef } from './services/subscription-actions.js';
export type { SubscriptionResult } from './services/subscription-flow.js';
export type {
  CreateSubscriptionOptions,
  UpdateSubscriptionOptions,
} from './services/subscription-input.js';
export type { SubscriptionStatus as LocalSubscriptionStatus } from './services/subscription-sync.js';
export { SubscriptionService } from './services/subscriptions.js';
export {
  createKnexStore,
  type DatabaseOption,
  DEFAULT_SQLITE_FILE,
  DEFAULT_TABLE_PREFIX,
  decodeCursor,
  encodeCursor,
  isKnexInstance,
  type KnexStore,
  type KnexStoreOptions,
  migrationTableName,
  type Page,
  type PageRequest,
  type Repositories,
  type Store,
  type StoreTransaction,
  type TableNames,
  tableNames,
  UnsafeIntegerError,
} from './storage/index.js';
export type * from './storage/records/common.js';
export type * from './storage/records/invoice.js';
export type * from './storage/records/notification.js';
export type * from './storage/records/outbox-event.js';
export type * from './storage/records/payment.js';
export type * from './storage/records/payment-event.js';
export type * from './storage/records/refund.js';
export type * from './storage/records/subscription.js';
