/**
 * Schema parts several routes share. Request bodies are the services' own rules
 * (the `*-schema(s).ts` beside each service), so a request and a direct call meet one rule.
 */
import { RECORD_ID_MAX_LENGTH } from '../../limits.js';
import { OrderIdSchema } from '../../services/payments/charge-schemas.js';
import { text } from './json-schema.js';

/** A Midtrans order id. */
export const orderIdSchema = OrderIdSchema;

/** A record id made by the store (UUIDv7). */
export const recordIdSchema = text({ min: 1, max: RECORD_ID_MAX_LENGTH, pattern: '^[0-9A-Za-z-]+$' });
