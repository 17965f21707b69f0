/**
 * Schema parts several routes share. The charge fields are the payment service's own rule
 * (services/payments/charge-schemas.ts), reused here so a request and a direct call meet one rule.
 */
import { RECORD_ID_MAX_LENGTH } from '../../limits.js';
import {
  AmountSchema,
  chargeCommonProperties,
  MetadataSchema,
  OrderIdSchema,
} from '../../services/payments/charge-schemas.js';
import { text } from './json-schema.js';

/** Whole Rupiah, at least 1 (the service checks type-specific limits). */
export const amount = AmountSchema;

/** A Midtrans order id. */
export const orderIdSchema = OrderIdSchema;

/** A record id made by the store (UUIDv7). */
export const recordIdSchema = text({ min: 1, max: RECORD_ID_MAX_LENGTH, pattern: '^[0-9A-Za-z-]+$' });

/** Free-form metadata. */
export const metadataSchema = MetadataSchema;

/**
 * Fields a Core API charge and a Snap transaction share. Not `notificationUrl`: where Midtrans
 * sends its signed notifications is the host's decision (the service option, in its own code),
 * never a customer's, who could otherwise have another shop's payments reported to their server.
 */
export const commonChargeFields = chargeCommonProperties;
