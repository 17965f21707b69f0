/**
 * What `paymentLinks.create`'s schema cannot say, in the same `{ field, reason }` wording: the
 * lines must add up to a payable amount, the expiry must end in the future, metadata size, owner.
 */
import { type FieldIssue, ValidationError } from '../../errors.js';
import { metadataIssues, ownerIssues } from '../core/input-schema.js';
import { type CreatePaymentLinkInput, paymentLinkInputCheck } from './payment-link-schema.js';

const UNIT_MS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

/**
 * @throws ValidationError listing every problem of `input`: the schema's (the same rule as
 * `POST /payment-links`) and what it cannot say, checked against `now`.
 */
export function assertPaymentLinkInput(input: unknown, now: Date): asserts input is CreatePaymentLinkInput {
  const issues = paymentLinkInputCheck.issues(input);
  if (paymentLinkInputCheck.is(input)) issues.push(...handIssues(input, now));
  if (issues.length > 0) throw new ValidationError(issues);
}

/** What each payment through the link is for: the sum of its lines. Call after the assertion. */
export function paymentLinkTotal(input: CreatePaymentLinkInput): number {
  return input.items.reduce((sum, item) => sum + item.quantity * item.price, 0);
}

/** When the link opens and closes (undefined: it never expires). */
export function expiryWindow(
  input: CreatePaymentLinkInput,
  now: Date,
): { startsAt: Date; expiresAt: Date } | undefined {
  if (input.expiry === undefined) return undefined;
  const startsAt = input.expiry.startTime ?? now;
  return {
    startsAt,
    expiresAt: new Date(startsAt.getTime() + input.expiry.duration * UNIT_MS[input.expiry.unit]),
  };
}

function handIssues(input: CreatePaymentLinkInput, now: Date): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const total = paymentLinkTotal(input);
  if (total < 1) issues.push({ field: 'items', reason: 'must add up to at least 1 Rupiah' });
  else if (!Number.isSafeInteger(total)) {
    issues.push({ field: 'items', reason: 'add up to more than can be represented' });
  }
  const window = expiryWindow(input, now);
  if (window !== undefined && window.expiresAt.getTime() <= now.getTime()) {
    issues.push({ field: 'expiry', reason: 'must end in the future' });
  }
  issues.push(...metadataIssues(input.metadata), ...ownerIssues(input.user));
  return issues;
}
