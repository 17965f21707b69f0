/**
 * A supertest "browser" for the dashboard: it keeps the cookies the dashboard sets (CSRF, flash),
 * reads the CSRF token from the last page, and follows post/redirect/get by hand.
 */
import type { RequestListener } from 'node:http';
import request from 'supertest';
import { MOUNT } from './apps.js';

/** Headers the host's auth reads. */
export function as(role: string, id = `${role}-1`): Record<string, string> {
  return role === 'anonymous' ? {} : { 'x-test-user': id, 'x-test-role': role };
}

/** A page answer. */
export interface Answer {
  status: number;
  text: string;
  headers: Record<string, string | string[] | undefined>;
}

/** One staff member's browser. */
export class DashboardSession {
  readonly cookies = new Map<string, string>();
  lastPage = '';

  constructor(
    private readonly app: RequestListener,
    private readonly headers: Record<string, string>,
  ) {}

  /** GET a dashboard path (relative to the mount). */
  async get(path: string): Promise<Answer> {
    const res = await request(this.app)
      .get(`${MOUNT}${path}`)
      .set(this.headers)
      .set('cookie', this.cookieHeader());
    this.keep(res.headers['set-cookie']);
    this.lastPage = res.text;
    return { status: res.status, text: res.text, headers: res.headers };
  }

  /** POST a form; the token of the last page is added unless `_csrf` is given. */
  async post(
    path: string,
    form: Record<string, string>,
    extra: Record<string, string> = {},
  ): Promise<Answer> {
    // A browser sends the form's hidden fields too: the token, and a refund form's key.
    const key = this.hidden('refundKey');
    const hidden: Record<string, string> =
      key !== undefined && path.endsWith('/refund') ? { refundKey: key } : {};
    const body = new URLSearchParams({ _csrf: this.token() ?? '', ...hidden, ...form }).toString();
    const res = await request(this.app)
      .post(`${MOUNT}${path}`)
      .set(this.headers)
      .set(extra)
      .set('cookie', this.cookieHeader())
      .type('form')
      .send(body);
    this.keep(res.headers['set-cookie']);
    return { status: res.status, text: res.text, headers: res.headers };
  }

  /** POST, then follow the 303 like a browser; returns the page shown. */
  async submit(path: string, form: Record<string, string>): Promise<Answer> {
    const posted = await this.post(path, form);
    if (posted.status !== 303) return posted;
    const location = String(posted.headers.location);
    if (!location.startsWith(MOUNT)) throw new Error(`redirected outside the dashboard: ${location}`);
    return this.get(location.slice(MOUNT.length));
  }

  /** A hidden field's value in the last page's forms. */
  hidden(name: string): string | undefined {
    return new RegExp(`name="${name}" value="([^"]+)"`).exec(this.lastPage)?.[1];
  }

  /** The CSRF token in the last page's forms. */
  token(): string | undefined {
    return /name="_csrf" value="([^"]+)"/.exec(this.lastPage)?.[1];
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private keep(setCookie: unknown): void {
    for (const line of Array.isArray(setCookie) ? (setCookie as string[]) : []) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      if (attributes.some((a) => a.trim() === 'Max-Age=0')) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(at + 1).trim());
    }
  }
}
