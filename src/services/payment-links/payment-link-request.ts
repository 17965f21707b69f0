/** The `POST /v1/payment-links` body of a checked input (camelCase in, Midtrans's snake_case out). */
import { formatMidtransTime } from '../../domain/wire-time.js';
import type { WirePaymentLinkCreateRequest, WirePaymentLinkItem } from '../../wire-types.js';
import type { CreatePaymentLinkInput } from './payment-link-schema.js';

/** Midtrans documents the start as `yyyy-MM-dd HH:mm Z` (minutes, no seconds). */
export function formatExpiryStart(date: Date): string {
  return `${formatMidtransTime(date).slice(0, 16)} +0700`;
}

/** Build the request; `orderId` and `grossAmount` are decided by the flow. */
export function toWirePaymentLinkCreate(
  input: CreatePaymentLinkInput,
  orderId: string,
  grossAmount: number,
): WirePaymentLinkCreateRequest {
  const wire: WirePaymentLinkCreateRequest = {
    transaction_details: {
      order_id: orderId,
      gross_amount: grossAmount,
      ...(input.linkId === undefined ? {} : { payment_link_id: input.linkId }),
    },
    item_details: input.items.map((item) => {
      const line: WirePaymentLinkItem = { name: item.name, price: item.price, quantity: item.quantity };
      if (item.itemId !== undefined) line.id = item.itemId;
      if (item.brand !== undefined) line.brand = item.brand;
      if (item.category !== undefined) line.category = item.category;
      if (item.merchantName !== undefined) line.merchant_name = item.merchantName;
      return line;
    }),
  };
  if (input.usageLimit !== undefined) wire.usage_limit = input.usageLimit;
  if (input.customerRequired !== undefined) wire.customer_required = input.customerRequired;
  if (input.title !== undefined) wire.title = input.title;
  if (input.enabledPayments !== undefined) wire.enabled_payments = [...input.enabledPayments];
  if (input.finishUrl !== undefined) wire.callbacks = { finish: input.finishUrl };
  if (input.expiry !== undefined) {
    wire.expiry = {
      duration: input.expiry.duration,
      unit: input.expiry.unit,
      ...(input.expiry.startTime === undefined
        ? {}
        : { start_time: formatExpiryStart(input.expiry.startTime) }),
    };
  }
  const customer = input.customer;
  if (customer !== undefined) {
    wire.customer_details = {
      ...(customer.firstName === undefined ? {} : { first_name: customer.firstName }),
      ...(customer.lastName === undefined ? {} : { last_name: customer.lastName }),
      ...(customer.email === undefined ? {} : { email: customer.email }),
      ...(customer.phone === undefined ? {} : { phone: customer.phone }),
      ...(customer.notes === undefined ? {} : { notes: customer.notes }),
    };
  }
  const [field1, field2, field3] = input.customFields ?? [];
  if (field1 !== undefined) wire.custom_field1 = field1;
  if (field2 !== undefined) wire.custom_field2 = field2;
  if (field3 !== undefined) wire.custom_field3 = field3;
  return wire;
}
