/**
 * How long Midtrans lets a payment stay payable when the merchant sets the window (`custom_expiry`,
 * Snap `expiry`). Shared by the kit's checks and the simulator, so both refuse the same windows.
 *
 * Sources (docs.midtrans.com): the bank transfer and Akulaku pages give 20 seconds to 180 days;
 * the deployment notice of 30 August 2022 raised GoPay's maximum to 7 days; the ShopeePay page
 * gives 5 days.
 */

/** Shortest window Midtrans accepts, in ms. */
export const MIN_CUSTOM_EXPIRY_MS = 20_000;

/** Longest window Midtrans accepts when the payment type has no stricter limit, in ms. */
export const MAX_CUSTOM_EXPIRY_MS = 180 * 86_400_000;

const MAX_BY_TYPE: Readonly<Record<string, number>> = {
  gopay: 7 * 86_400_000,
  shopeepay: 5 * 86_400_000,
};

/** Longest window for a Core API `payment_type` (the general maximum when undefined). */
export function maxCustomExpiryMs(paymentType: string | undefined): number {
  return (paymentType !== undefined ? MAX_BY_TYPE[paymentType] : undefined) ?? MAX_CUSTOM_EXPIRY_MS;
}

/** Why a window of `windowMs` is refused for `paymentType`, or undefined when it is allowed. */
export function customExpiryProblem(windowMs: number, paymentType: string | undefined): string | undefined {
  const max = maxCustomExpiryMs(paymentType);
  if (windowMs >= MIN_CUSTOM_EXPIRY_MS && windowMs <= max) return undefined;
  return `must last between 20 seconds and ${Math.round(max / 86_400_000)} days`;
}
