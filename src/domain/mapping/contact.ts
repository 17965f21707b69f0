/**
 * The four name and contact fields a charge's customer, its addresses and a subscription's
 * customer all carry, mapped in one place so the three cannot drift apart.
 */

import type { SubscriptionCustomer } from '../types.js';
import { optString } from './read.js';

/** First and last name, email and phone (every one optional). */
export type ContactFields = SubscriptionCustomer;

/** The wire form of `ContactFields`. */
export interface WireContactFields {
  first_name?: string;
  last_name?: string;
  email?: string;
  phone?: string;
}

/** The contact fields to the wire; absent ones stay `undefined` for `compact` to drop. */
export function contactToWire(contact: ContactFields): WireContactFields {
  return {
    first_name: contact.firstName,
    last_name: contact.lastName,
    email: contact.email,
    phone: contact.phone,
  };
}

/** The contact fields of a wire object read at `path`; absent ones come back `undefined`. */
export function contactFromWire(wire: Readonly<Record<string, unknown>>, path: string): ContactFields {
  return {
    firstName: optString(wire.first_name, `${path}.first_name`),
    lastName: optString(wire.last_name, `${path}.last_name`),
    email: optString(wire.email, `${path}.email`),
    phone: optString(wire.phone, `${path}.phone`),
  };
}
