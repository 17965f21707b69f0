/**
 * The pages are plain files in `public/` (HTML, CSS and a little JS, no bundler). Both apps serve
 * them through this one lookup so that only listed files can ever be read.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';

const PUBLIC_DIR = new URL('./public/', import.meta.url);

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** URL path → file in `public/`. Anything else is not a page. */
const PAGES: Record<string, string> = {
  '/': 'checkout.html',
  '/login': 'login.html',
  '/orders': 'orders.html',
  '/invoices': 'invoices.html',
  '/subscriptions': 'subscriptions.html',
  '/assets/style.css': 'style.css',
  '/assets/common.js': 'common.js',
  '/assets/checkout.js': 'checkout.js',
  '/assets/orders.js': 'orders.js',
  '/assets/invoices.js': 'invoices.js',
  '/assets/subscriptions.js': 'subscriptions.js',
  '/assets/logo.svg': 'logo.svg',
};

/** A static file to send. */
export interface StaticFile {
  contentType: string;
  body: Buffer;
}

/** The file served at `path`, or undefined when the path is not one of the pages. */
export async function staticFile(path: string): Promise<StaticFile | undefined> {
  const name = PAGES[path];
  if (name === undefined) return undefined;
  const body = await readFile(new URL(name, PUBLIC_DIR));
  return { contentType: CONTENT_TYPES[extname(name)] ?? 'application/octet-stream', body };
}
