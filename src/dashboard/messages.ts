/**
 * Errors as words for staff, from the same mapping as the API's problem answers: a service's own
 * message (not found, invalid state, a field that is wrong, Midtrans's refusal) is shown; anything
 * unexpected is a plain sentence, its details going to `onError` — never a stack trace.
 */
import { problemOf } from '../http/problem.js';

/** The HTTP status and the sentence for an error. */
export function describeError(error: unknown): { status: number; text: string; unexpected: boolean } {
  const { status, body } = problemOf(error);
  if (status === 500) {
    return { status, text: 'Something went wrong on our side; the error was logged.', unexpected: true };
  }
  const details = body.error.details?.map((d) => `${d.field} ${d.reason}`).join('; ');
  const text = details ? `${body.error.message}: ${details}.` : body.error.message;
  return { status, text, unexpected: false };
}
