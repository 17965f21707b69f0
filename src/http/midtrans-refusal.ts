/**
 * Midtrans's answers → our HTTP status. A refusal that follows from the request or from the
 * transaction's state (a bad card token, a state that no longer allows the operation, an order id
 * already used) is the client's business: a 4xx that says so, never a 5xx. What only the shop can
 * fix (a wrong server key, a payment method not activated) or Midtrans's own failures stay 502.
 * The codes are Midtrans's body status codes (docs/midtrans-wire.md §11).
 */
import type { MidtransApiError } from '../errors.js';

/** Our HTTP status and error code for a Midtrans error. */
export function midtransRefusal(error: MidtransApiError): [number, string] {
  const code = Number(error.statusCode ?? error.httpStatus);
  switch (code) {
    case 404:
      return [404, 'midtrans_not_found'];
    case 406:
    case 407:
    case 412:
      return [409, 'midtrans_refused'];
    case 400:
    case 411:
    case 413:
    case 414:
      return [422, 'midtrans_refused'];
    case 429:
      return [503, 'midtrans_busy'];
    default:
      // 401/402 (the shop's key or contract), 5xx (Midtrans or a bank failing), anything unknown.
      return [502, 'midtrans_error'];
  }
}
