/** The dashboard's small pure parts: escaping, Rupiah, CSRF tokens, days in WIB, redaction, form input. */
import { describe, expect, it } from 'vitest';
import { createCsrfSigner } from '../../src/dashboard/csrf.js';
import { formatDate, formatIdr, formatJson } from '../../src/dashboard/format.js';
import { escapeHtml, html, unsafeRaw } from '../../src/dashboard/html.js';
import { readAmount, safeBack } from '../../src/dashboard/input.js';
import { startOfDay } from '../../src/dashboard/time.js';
import { describeUser, signInPrompt } from '../../src/dashboard/who.js';

describe('html', () => {
  it('escapes every interpolation unless it is safe markup', () => {
    const name = `<script>alert('x')</script> & "quotes" \``;
    expect(html`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot; &#96;">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot; &#96;</p>',
    );
    expect(html`<ul>${['<a>', html`<li>${'<b>'}</li>`]}</ul>`.value).toBe(
      '<ul>&lt;a&gt;<li>&lt;b&gt;</li></ul>',
    );
    expect(html`${null}${undefined}${false}${0}${unsafeRaw('<hr>')}`.value).toBe('0<hr>');
    expect(escapeHtml('plain')).toBe('plain');
  });
});

describe('formatIdr', () => {
  it('groups thousands with dots', () => {
    expect(formatIdr(150_000)).toBe('Rp 150.000');
    expect(formatIdr(0)).toBe('Rp 0');
    expect(formatIdr(999)).toBe('Rp 999');
    expect(formatIdr(1_234_567_890)).toBe('Rp 1.234.567.890');
    expect(formatIdr(-50_000)).toBe('-Rp 50.000');
  });
});

describe('csrf', () => {
  it('accepts only the HMAC of the cookie and the user', () => {
    const signer = createCsrfSigner('s'.repeat(32));
    const cookie = signer.newCookieValue();
    const token = signer.token(cookie, 'staff-1');
    expect(signer.verify(cookie, 'staff-1', token)).toBe(true);
    expect(signer.verify(cookie, 'staff-2', token)).toBe(false);
    expect(signer.verify(signer.newCookieValue(), 'staff-1', token)).toBe(false);
    expect(signer.verify(undefined, 'staff-1', token)).toBe(false);
    expect(signer.verify(cookie, 'staff-1', undefined)).toBe(false);
    expect(createCsrfSigner(undefined).verify(cookie, 'staff-1', token)).toBe(false);
    expect(() => createCsrfSigner('short')).toThrow(RangeError);
  });
});

describe('days in a time zone', () => {
  it('starts a WIB day at 17:00 UTC the day before', () => {
    expect(startOfDay('2025-01-15', 'Asia/Jakarta', 'from').toISOString()).toBe('2025-01-14T17:00:00.000Z');
    expect(startOfDay('2025-01-15', 'Asia/Jakarta', 'to', 1).toISOString()).toBe('2025-01-15T17:00:00.000Z');
    expect(startOfDay('2025-01-15', 'UTC', 'from').toISOString()).toBe('2025-01-15T00:00:00.000Z');
    expect(() => startOfDay('15/01/2025', 'UTC', 'from')).toThrow(/date/);
  });
});

describe('forms', () => {
  it('reads whole Rupiah only, and keeps redirects inside the dashboard', () => {
    const form = new URLSearchParams({ a: '50000', b: '50.000', c: '', d: '0' });
    expect(readAmount(form, 'a', true)).toBe(50_000);
    expect(() => readAmount(form, 'b', true)).toThrow();
    expect(readAmount(form, 'c', false)).toBeUndefined();
    expect(() => readAmount(form, 'c', true)).toThrow();
    expect(() => readAmount(form, 'd', true)).toThrow();
    expect(safeBack('/payments?q=1', '/')).toBe('/payments?q=1');
    for (const bad of ['//evil.example', 'https://evil.example', '/\\evil', null])
      expect(safeBack(bad, '/x')).toBe('/x');
  });

  it('redacts card tokens from JSON shown to staff', () => {
    const shown = formatJson({
      credit_card: { token_id: 'tok-secret', saved_token_id: 'saved' },
      order_id: 'A',
    });
    expect(shown).not.toContain('tok-secret');
    expect(shown).not.toContain('"saved"');
    expect(shown).toContain('"order_id": "A"');
  });
});

describe('formatDate', () => {
  it('writes the clock time of the zone and the zone itself', () => {
    const at = new Date('2025-01-15T10:00:05.000Z');
    expect(formatDate(at, 'Asia/Jakarta')).toBe('2025-01-15 17:00:05 GMT+7');
    expect(formatDate(at, 'UTC')).toBe('2025-01-15 10:00:05 GMT');
    expect(formatDate(at, 'Asia/Kolkata')).toBe('2025-01-15 15:30:05 GMT+5:30');
    expect(formatDate(at, 'America/New_York')).toBe('2025-01-15 05:00:05 GMT-5');
    expect(formatDate(null, 'UTC')).toBe('—');
  });
});

describe('who', () => {
  it("names the user by the host's label, else name, display name or email, else id", () => {
    expect(describeUser({ id: 7 })).toBe('7');
    expect(describeUser({ id: 7, email: 'sari@example.com' })).toBe('sari@example.com');
    expect(describeUser({ id: 7, name: 'Sari', email: 'sari@example.com' })).toBe('Sari');
    expect(describeUser({ id: 7, name: ' ' })).toBe('7');
    expect(describeUser({ id: 7, name: 'Sari' }, (user) => `#${user.id}`)).toBe('#7');
  });

  it('links to the sign-in page with the way back, escaped', () => {
    expect(signInPrompt(undefined, '/admin').toString()).not.toContain('<a');
    expect(signInPrompt('/login', '/admin/payments?status=paid&x=<b>').toString()).toContain(
      `href="/login?next=${encodeURIComponent('/admin/payments?status=paid&x=<b>')}"`,
    );
    expect(signInPrompt('/auth?app=1', '/admin').toString()).toContain(
      'href="/auth?app=1&amp;next=%2Fadmin"',
    );
  });
});
