/**
 * camelCase public API ⇄ Midtrans snake_case wire, both ways, for every request and response.
 * Pure functions. Reading the wire checks every field and names the wire field in a
 * ValidationError; writing checks amounts and Dates and names the camelCase field.
 */
export {
  fromWireCardToken,
  fromWirePayAccount,
  fromWirePayAccountRequest,
  toWireCardToken,
  toWirePayAccount,
  toWirePayAccountRequest,
} from './mapping/accounts.js';
export { expiryFromWire, fromWireCharge, toWireCharge } from './mapping/charge.js';
export { MAX_CUSTOM_FIELDS } from './mapping/common.js';
export { instructionsFromWire, instructionsToWire } from './mapping/instructions.js';
export { fromWireInvoice, toWireInvoice } from './mapping/invoice.js';
export { fromWireInvoiceCreate, toWireInvoiceCreate } from './mapping/invoice-request.js';
export {
  fromWireCapture,
  fromWireRefund,
  fromWireRefundResult,
  toWireCapture,
  toWireRefund,
  toWireRefundResult,
} from './mapping/operations.js';
export { fromWireSnap, fromWireSnapResult, toWireSnap, toWireSnapResult } from './mapping/snap.js';
export {
  fromWireSubscription,
  fromWireSubscriptionNotification,
  toWireSubscription,
  toWireSubscriptionNotification,
} from './mapping/subscription.js';
export {
  fromWireSubscriptionCreate,
  fromWireSubscriptionUpdate,
  toWireSubscriptionCreate,
  toWireSubscriptionUpdate,
} from './mapping/subscription-request.js';
export { fromWireTransaction, toWireTransaction } from './mapping/transaction.js';
