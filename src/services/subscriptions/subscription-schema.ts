/**
 * The rules of `createSubscription` and `updateSubscription`, written once as TypeBox schemas from
 * the named limits (docs/midtrans-wire.md §8). The service checks every call with them
 * (subscription-input.ts adds what a schema cannot say: which fields a payment type needs, a start
 * in the future, the metadata size) and the routes build their bodies from the same properties,
 * with dates as ISO text.
 */
import { Type } from '@sinclair/typebox';
import * as limits from '../../limits.js';
import type { KitUser } from '../core/hooks.js';
import { closed, compileInput, type DateSchema, DateValue, type InputCheck } from '../core/input-schema.js';
import { MetadataSchema } from '../payments/charge-schemas.js';

const whole = (minimum: number, maximum: number) => Type.Integer({ minimum, maximum });
const choice = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values] });

/** Largest amount per charge the Subscriptions API takes. */
export const SUBSCRIPTION_MAX_AMOUNT = 99_999_999_999;

/** A subscription's name: Midtrans names each charge's order after it. */
export const SubscriptionNameSchema = Type.String({
  minLength: 1,
  maxLength: limits.SUBSCRIPTION_NAME_MAX_LENGTH,
  pattern: limits.ORDER_ID_PATTERN,
});

const amount = whole(1, SUBSCRIPTION_MAX_AMOUNT);
const interval = whole(1, 1000);

/** The fields of a new subscription as a request sends them; `date` is the form of `startTime`. */
export function subscriptionRequestProperties<D extends DateSchema>(date: D) {
  return {
    name: SubscriptionNameSchema,
    amount,
    paymentType: choice(['credit_card', 'gopay'] as const),
    token: Type.Optional(Type.String({ minLength: 1, maxLength: limits.PAYMENT_TOKEN_MAX_LENGTH })),
    interval: Type.Optional(interval),
    intervalUnit: Type.Optional(choice(['day', 'week', 'month'] as const)),
    maxInterval: Type.Optional(Type.Union([whole(0, 10_000), Type.Null()])),
    startTime: Type.Optional(date),
    retryInterval: Type.Optional(interval),
    retryIntervalUnit: Type.Optional(choice(['minute', 'hour', 'day'] as const)),
    retryMaxInterval: Type.Optional(whole(0, 3)),
    customerDetails: Type.Optional(
      Type.Object(
        {
          firstName: Type.Optional(Type.String({ maxLength: limits.NAME_MAX_LENGTH })),
          lastName: Type.Optional(Type.String({ maxLength: limits.NAME_MAX_LENGTH })),
          email: Type.Optional(Type.String({ maxLength: limits.EMAIL_MAX_LENGTH, format: 'email' })),
          phone: Type.Optional(Type.String({ maxLength: limits.PHONE_MAX_LENGTH })),
        },
        closed,
      ),
    ),
    gopayAccountId: Type.Optional(
      Type.String({ minLength: 1, maxLength: limits.GOPAY_ACCOUNT_ID_MAX_LENGTH }),
    ),
    metadata: Type.Optional(MetadataSchema),
  };
}

/** The changes of an update as a request sends them; `date` is the form of `schedule.startTime`. */
export function subscriptionUpdateProperties<D extends DateSchema>(date: D) {
  return {
    name: Type.Optional(SubscriptionNameSchema),
    amount: Type.Optional(amount),
    // Midtrans lets an update change only these two of the schedule.
    schedule: Type.Optional(
      Type.Object({ interval: Type.Optional(interval), startTime: Type.Optional(date) }, closed),
    ),
  };
}

/** `createSubscription`'s input as the service checks it (`user` is the host's, checked by hand). */
export const SubscriptionInputSchema = Type.Object(
  { ...subscriptionRequestProperties(DateValue), user: Type.Optional(Type.Unsafe<KitUser>({})) },
  closed,
);

/** `updateSubscription`'s input as the service checks it. */
export const SubscriptionUpdateSchema = Type.Object(subscriptionUpdateProperties(DateValue), closed);

/** The compiled check of `createSubscription`'s input. */
export const subscriptionInputCheck: InputCheck<typeof SubscriptionInputSchema> =
  compileInput(SubscriptionInputSchema);

/** The compiled check of `updateSubscription`'s input. */
export const subscriptionUpdateCheck: InputCheck<typeof SubscriptionUpdateSchema> =
  compileInput(SubscriptionUpdateSchema);
