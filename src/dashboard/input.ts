/** Reading action forms: the urlencoded body, and whole-Rupiah amounts typed by staff. */
import { ValidationError } from '../errors.js';
import { HttpProblem } from '../http/problem.js';

/** The form fields of a POST, from the raw body or a host parser's object. @throws HttpProblem */
export function readForm(
  rawBody: Buffer | string | undefined,
  parsed: unknown,
  contentType: string | undefined,
  limit: number,
): URLSearchParams {
  if (rawBody !== undefined) {
    if (Buffer.byteLength(rawBody) > limit) {
      throw new HttpProblem(413, 'payload_too_large', `The form is larger than ${limit} bytes`);
    }
    const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
    if (rawBody.length > 0 && type !== 'application/x-www-form-urlencoded') {
      throw new HttpProblem(
        415,
        'unsupported_media_type',
        'Send the form as application/x-www-form-urlencoded',
      );
    }
    return new URLSearchParams(typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8'));
  }
  const form = new URLSearchParams();
  if (typeof parsed === 'object' && parsed !== null) {
    for (const [name, value] of Object.entries(parsed)) if (typeof value === 'string') form.set(name, value);
  }
  return form;
}

/**
 * A whole-Rupiah amount: digits only. `50.000` is refused rather than guessed, since in Indonesian
 * it means fifty thousand and in English fifty. @throws ValidationError
 */
export function readAmount(form: URLSearchParams, field: string, required: boolean): number | undefined {
  const text = form.get(field)?.trim() ?? '';
  if (text === '') {
    if (required) throw new ValidationError({ field, reason: 'is required' });
    return undefined;
  }
  const amount = Number(text);
  if (!/^\d{1,15}$/.test(text) || !Number.isSafeInteger(amount) || amount < 1) {
    throw new ValidationError({
      field,
      reason: 'must be a whole number of Rupiah, digits only (e.g. 50000)',
    });
  }
  return amount;
}

/**
 * Where to go back to after an action: a path inside the dashboard, never another site. Only
 * visible ASCII passes (a page's own `here` is already URL-encoded): anything else could not be
 * sent in a Location header, and failing there would answer 500 after the action was done.
 */
export function safeBack(value: string | null, fallback: string): string {
  if (value === null || !value.startsWith('/') || value.startsWith('//') || /[^\x21-\x7e]|\\/.test(value))
    return fallback;
  return value;
}
