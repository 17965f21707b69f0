/**
 * Parts shared by Core API charges and Snap: transaction details, items, customer, custom fields.
 */

import { ValidationError } from '../../errors.js';
import type {
  WireAddress,
  WireCustomerDetails,
  WireItemDetail,
  WireTransactionCommon,
} from '../../wire-types.js';
import { assertAmount } from '../money.js';
import type { Address, CustomerDetails, ItemDetail, TransactionCommon } from '../types.js';
import { contactFromWire, contactToWire } from './contact.js';
import { optArray, optObject, optString, reqAmount, reqInt, reqObject, reqString } from './read.js';
import { compact, maybe } from './write.js';

/** Midtrans has exactly three custom fields. */
export const MAX_CUSTOM_FIELDS = 3;

type CustomFieldKey = 'custom_field1' | 'custom_field2' | 'custom_field3';
const CUSTOM_FIELD_KEYS: readonly CustomFieldKey[] = ['custom_field1', 'custom_field2', 'custom_field3'];

/** `customFields` → `custom_field1..3`. Throws when more than three are given. */
export function customFieldsToWire(
  fields: readonly string[] | undefined,
  field = 'customFields',
): Partial<Record<CustomFieldKey, string>> {
  if (fields === undefined) return {};
  if (fields.length > MAX_CUSTOM_FIELDS) {
    throw new ValidationError({ field, reason: `must have at most ${MAX_CUSTOM_FIELDS} entries` });
  }
  const out: Partial<Record<CustomFieldKey, string>> = {};
  fields.forEach((value, index) => {
    out[CUSTOM_FIELD_KEYS[index] as CustomFieldKey] = value;
  });
  return out;
}

/** `custom_field1..3` → an array up to the last one present; a gap before it becomes `''`. */
export function customFieldsFromWire(wire: Partial<Record<CustomFieldKey, unknown>>): string[] {
  const values = CUSTOM_FIELD_KEYS.map((key) => optString(wire[key], key));
  let length = values.length;
  while (length > 0 && values[length - 1] === undefined) length -= 1;
  return values.slice(0, length).map((value) => value ?? '');
}

function addressToWire(address: Address): WireAddress {
  return compact({
    ...contactToWire(address),
    address: address.address,
    city: address.city,
    postal_code: address.postalCode,
    country_code: address.countryCode,
  });
}

function addressFromWire(value: unknown, path: string): Address {
  const wire = reqObject(value, path);
  return compact({
    ...contactFromWire(wire, path),
    address: optString(wire.address, `${path}.address`),
    city: optString(wire.city, `${path}.city`),
    postalCode: optString(wire.postal_code, `${path}.postal_code`),
    countryCode: optString(wire.country_code, `${path}.country_code`),
  });
}

/** Customer details to the wire. */
export function customerToWire(customer: CustomerDetails): WireCustomerDetails {
  return compact({
    ...contactToWire(customer),
    billing_address: maybe(customer.billingAddress, addressToWire),
    shipping_address: maybe(customer.shippingAddress, addressToWire),
  });
}

/** Customer details from the wire, read at `path`. */
export function customerFromWire(value: unknown, path = 'customer_details'): CustomerDetails {
  const wire = reqObject(value, path);
  return compact({
    ...contactFromWire(wire, path),
    billingAddress: maybe(wire.billing_address, (v) => addressFromWire(v, `${path}.billing_address`)),
    shippingAddress: maybe(wire.shipping_address, (v) => addressFromWire(v, `${path}.shipping_address`)),
  });
}

function itemToWire(item: ItemDetail, index: number): WireItemDetail {
  return compact({
    id: item.id,
    price: assertAmount(item.price, `itemDetails.${index}.price`, 0),
    quantity: assertAmount(item.quantity, `itemDetails.${index}.quantity`, 1),
    name: item.name,
    brand: item.brand,
    category: item.category,
    merchant_name: item.merchantName,
    url: item.url,
  });
}

function itemFromWire(value: unknown, path: string): ItemDetail {
  const wire = reqObject(value, path);
  return compact({
    id: optString(wire.id, `${path}.id`),
    price: reqAmount(wire.price, `${path}.price`),
    quantity: reqInt(wire.quantity, `${path}.quantity`),
    name: reqString(wire.name, `${path}.name`),
    brand: optString(wire.brand, `${path}.brand`),
    category: optString(wire.category, `${path}.category`),
    merchantName: optString(wire.merchant_name, `${path}.merchant_name`),
    url: optString(wire.url, `${path}.url`),
  });
}

/** The common part of a charge or Snap request, to the wire. Validates amounts and custom fields. */
export function commonToWire(request: TransactionCommon): WireTransactionCommon {
  return compact({
    transaction_details: {
      order_id: request.orderId,
      gross_amount: assertAmount(request.grossAmount, 'grossAmount'),
    },
    item_details: request.itemDetails?.map(itemToWire),
    customer_details: maybe(request.customerDetails, customerToWire),
    ...customFieldsToWire(request.customFields),
    metadata: request.metadata,
  });
}

/** The common part of a charge or Snap request, from the wire. */
export function commonFromWire(wire: WireTransactionCommon): TransactionCommon {
  const details = reqObject(wire.transaction_details, 'transaction_details');
  const customFields = customFieldsFromWire(wire);
  return compact({
    orderId: reqString(details.order_id, 'transaction_details.order_id'),
    grossAmount: reqAmount(details.gross_amount, 'transaction_details.gross_amount', 1),
    itemDetails: optArray(wire.item_details, 'item_details', itemFromWire),
    customerDetails: maybe(wire.customer_details, (v) => customerFromWire(v)),
    customFields: customFields.length > 0 ? customFields : undefined,
    metadata: optObject(wire.metadata, 'metadata'),
  });
}
