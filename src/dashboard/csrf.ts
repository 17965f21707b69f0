/**
 * CSRF protection without sessions: a signed double submit. The browser holds a random value in an
 * HttpOnly, SameSite=Strict cookie; every form carries HMAC(secret, cookie value + user id). A POST
 * is accepted only when the form's token is that HMAC of the cookie it came with. Another site can
 * neither read the cookie nor compute the HMAC without the server's secret, and binding the user id
 * means a token leaked from one staff member's page is useless for another.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Name of the cookie holding the random half. */
export const CSRF_COOKIE = 'mk_dash_csrf';
/** Name of the form field holding the token. */
export const CSRF_FIELD = '_csrf';

const COOKIE_VALUE = /^[A-Za-z0-9_-]{43}$/;

/** The signer of one dashboard instance. */
export interface CsrfSigner {
  /** A new random cookie value. */
  newCookieValue(): string;
  /** Whether a cookie value is one we could have made (else a new one is issued). */
  isCookieValue(value: string | undefined): value is string;
  /** The form token for a cookie value and a user. */
  token(cookieValue: string, userId: string): string;
  /** Whether a submitted token matches the cookie and the user (constant time). */
  verify(cookieValue: string | undefined, userId: string, submitted: string | undefined): boolean;
}

/** A signer with the given secret, or a fresh random one. */
export function createCsrfSigner(secret: string | Buffer | undefined): CsrfSigner {
  const key = secret === undefined ? randomBytes(32) : Buffer.from(secret);
  if (key.length < 16) throw new RangeError('midtrans-kit dashboard: csrfSecret must be at least 16 bytes');
  const token = (cookieValue: string, userId: string) =>
    createHmac('sha256', key).update(`${cookieValue}\u0000${userId}`).digest('base64url');
  const isCookieValue = (value: string | undefined): value is string =>
    value !== undefined && COOKIE_VALUE.test(value);
  return {
    newCookieValue: () => randomBytes(32).toString('base64url'),
    isCookieValue,
    token,
    verify(cookieValue, userId, submitted) {
      if (!isCookieValue(cookieValue) || submitted === undefined) return false;
      const expected = Buffer.from(token(cookieValue, userId));
      const given = Buffer.from(submitted);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}
