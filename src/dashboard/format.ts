/** Display formats: Rupiah amounts from integers, dates in the dashboard's time zone, JSON blocks. */

/** `150000` → `Rp 150.000` (Indonesian grouping; amounts are whole Rupiah). */
export function formatIdr(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.abs(Math.trunc(amount)));
  return `${sign}Rp ${digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}

/**
 * A date as `2025-01-15 17:00:05 GMT+7` in `timeZone` (the offset written out, so a reader in
 * another zone knows what the clock time means), or an em dash for none.
 */
export function formatDate(date: Date | null | undefined, timeZone: string): string {
  if (date === null || date === undefined) return '—';
  const clock = clockTime(date, timeZone);
  // The offset from the clock time itself, not Intl's zone names, whose spelling varies by ICU.
  const offsetMinutes = Math.round((Date.parse(`${clock.replace(' ', 'T')}Z`) - date.getTime()) / 60_000);
  return `${clock} ${offsetLabel(offsetMinutes)}`;
}

/** `2025-01-15 17:00:05`: the wall-clock time of `date` in `timeZone`, without the zone. */
export function clockTime(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

function offsetLabel(minutes: number): string {
  if (minutes === 0) return 'GMT';
  const sign = minutes < 0 ? '-' : '+';
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `GMT${sign}${hours}${rest === 0 ? '' : `:${String(rest).padStart(2, '0')}`}`;
}

// Card and account tokens let someone charge the customer again: they are replaced before a JSON
// body is shown. Signatures and ids are not secrets and stay.
const SECRET_KEYS =
  /(^|_)(token_id|saved_token_id|token|password|secret|server_key|authorization|card_cvv|card_number)$/i;

/** Pretty JSON for a `<pre>`, with card tokens and secrets replaced by `[redacted]`. */
export function formatJson(value: unknown): string {
  if (value === undefined || value === null) return '—';
  return JSON.stringify(redact(value), null, 2);
}

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEYS.test(key) && item !== null ? '[redacted]' : redact(item);
  }
  return out;
}

/** A stored raw body, pretty-printed when it is JSON (tokens redacted), else as received. */
export function formatRawBody(text: string): string {
  try {
    return formatJson(JSON.parse(text) as unknown);
  } catch {
    return text;
  }
}
