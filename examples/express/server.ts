/**
 * The Express example: a shop with a demo login that mounts midtrans-kit's routes and webhook.
 * `npm run example` runs it; tests import `startExpressExample({ port: 0 })`.
 */
import { fileURLToPath } from 'node:url';
import express, { type NextFunction, type Request, type Response } from 'express';
import { midtransDashboard, midtransRouter, midtransWebhook } from 'midtrans-kit/express';
import { demoCardTokenBody, sessionBody, staffOnly, staffPaymentsBody } from '../shared/api.js';
import { type DemoUser, findUser } from '../shared/catalog.js';
import { API_PREFIX, WEBHOOK_PATH } from '../shared/demo.js';
import { type RunningExample, startExampleHost } from '../shared/host.js';

export type { RunningExample };

import { sessionCookie, userFromCookieHeader } from '../shared/session.js';
import { staticFile } from '../shared/static-files.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by the demo login; a real app's auth middleware sets it the same way. */
    user?: DemoUser;
  }
}

/** Start the Express example on `port` (0: any free port) with its own SQLite file. */
export async function startExpressExample(
  options: { port?: number; databaseFile?: string } = {},
): Promise<RunningExample> {
  const host = await startExampleHost({
    port: options.port ?? 3000,
    databaseFile: options.databaseFile ?? 'examples/.data/express.sqlite',
  });
  const { demo } = host;

  const app = express();
  // The webhook first: outside the login (Midtrans cannot sign in), before any body parser.
  app.post(WEBHOOK_PATH, midtransWebhook(demo.kit));
  app.use((req, _res, next) => {
    req.user = userFromCookieHeader(req.headers.cookie);
    next();
  });
  app.use(express.json());

  app.get('/api/session', (req, res) => void res.json(sessionBody(demo, req.user)));
  app.post('/api/login', (req, res) => {
    const user = findUser((req.body as { userId?: unknown } | undefined)?.userId);
    if (user === undefined) return void res.status(400).json({ error: { message: 'No such user' } });
    res.setHeader('Set-Cookie', sessionCookie(user)).json({ user });
  });
  app.post('/api/logout', (_req, res) => void res.setHeader('Set-Cookie', sessionCookie(undefined)).json({}));
  app.get(
    '/api/staff/payments',
    requireStaff,
    async (_req, res) => void res.json(await staffPaymentsBody(demo)),
  );
  app.post(
    '/api/card-token',
    requireLogin,
    async (_req, res) => void res.json(await demoCardTokenBody(demo)),
  );

  // The kit's JSON routes, behind the login; staff may refund, capture, approve and deny.
  app.use(API_PREFIX, requireLogin, midtransRouter<DemoUser>(demo.kit, { authorize: staffOnly }));

  // The staff dashboard: pages for everyone signed in whom `authorize` lets see them (staff only).
  app.use(
    '/admin',
    midtransDashboard<DemoUser>(demo.kit, { authorize: ({ user }) => user.isStaff, signInUrl: '/login' }),
  );

  app.get(/.*/, async (req, res, next) => {
    const file = await staticFile(req.path);
    if (file === undefined) return next();
    res.type(file.contentType).send(file.body);
  });

  return host.serve(app);
}

function requireLogin(req: Request, res: Response, next: NextFunction): void {
  if (req.user === undefined)
    res.status(401).json({ error: { code: 'unauthenticated', message: 'Sign in first' } });
  else next();
}

function requireStaff(req: Request, res: Response, next: NextFunction): void {
  if (req.user?.isStaff !== true)
    res.status(403).json({ error: { code: 'forbidden', message: 'Staff only' } });
  else next();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const example = await startExpressExample({ port: Number(process.env.PORT ?? 3000) });
  console.log(`Express example: open ${example.url}`);
  process.once('SIGINT', () => void example.close().then(() => process.exit(0)));
}
