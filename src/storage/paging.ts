/**
 * Keyset paging. A cursor is an opaque string naming the last row of a page by (timestamp, id); the
 * next page continues strictly after it. No OFFSET: a page costs the same at row 10 and row 10 million,
 * and rows inserted meanwhile never shift a page.
 */
import { ValidationError } from '../errors.js';

/** Rows per page when the caller does not say. */
export const DEFAULT_PAGE_SIZE = 50;
/** Largest page a caller may ask for. */
export const MAX_PAGE_SIZE = 1000;

/** Where a page starts and how long it is. */
export interface PageRequest {
  /** Rows per page, 1–1000 (default 50). */
  limit?: number;
  /** `nextCursor` of the previous page; absent for the first page. */
  cursor?: string | null;
}

/** One page of a list. */
export interface Page<T> {
  /** The rows, in the list's order. */
  items: T[];
  /** Cursor of the following page, or null when this is the last page. */
  nextCursor: string | null;
}

/** The position a cursor names: the sort timestamp and id of the last row returned. */
export interface CursorPosition {
  /** Timestamp of the row (the list's sort column). */
  at: Date;
  /** Id of the row (tie-breaker). */
  id: string;
}

const CURSOR_TEXT = /^(-?\d{1,16}):([0-9A-Za-z_-]{1,64})$/;

/** Encode a position as an opaque cursor. */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(`${position.at.getTime()}:${position.id}`, 'utf8').toString('base64url');
}

/** Decode a cursor made by `encodeCursor`; throws a ValidationError on anything else. */
export function decodeCursor(cursor: string): CursorPosition {
  const match = CURSOR_TEXT.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const [, millis, id] = match ?? [];
  const at = new Date(Number(millis));
  if (millis === undefined || id === undefined || Number.isNaN(at.getTime())) {
    throw new ValidationError({ field: 'cursor', reason: 'is not a cursor returned by this list' });
  }
  return { at, id };
}

/** Validate a requested page size, defaulting to 50. */
export function pageSize(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new ValidationError({
      field: 'limit',
      reason: `must be a whole number from 1 to ${MAX_PAGE_SIZE}`,
    });
  }
  return limit;
}
