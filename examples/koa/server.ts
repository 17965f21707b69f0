/**
 * The Koa example: the same shop as the Express one, mounted the Koa way.
 * `npm run example:koa` runs it; tests import `startKoaExample({ port: 0 })`.
 */
import { fileURLToPath } from 'node:url';
import { Router } from '@koa/router';
import Koa, { type Context, type Next } from 'koa';
import { midtransKoaDashboard, midtransKoaRouter, midtransKoaWebhook } from 'midtrans-kit/koa';
import {
  demoCardTokenBody,
  readSmallJson,
  sessionBody,
  staffOnly,
  staffPaymentsBody,
} from '../shared/api.js';
import { type DemoUser, findUser } from '../shared/catalog.js';
import { API_PREFIX, WEBHOOK_PATH } from '../shared/demo.js';
import { type RunningExample, startExampleHost } from '../shared/host.js';

export type { RunningExample };

import { sessionCookie, userFromCookieHeader } from '../shared/session.js';
import { staticFile } from '../shared/static-files.js';

/** Koa state: the demo login puts the user where koa-jwt and koa-passport would. */
interface State {
  user?: DemoUser;
}

/** Start the Koa example on `port` (0: any free port) with its own SQLite file. */
export async function startKoaExample(
  options: { port?: number; databaseFile?: string } = {},
): Promise<RunningExample> {
  const host = await startExampleHost({
    port: options.port ?? 3001,
    databaseFile: options.databaseFile ?? 'examples/.data/koa.sqlite',
  });
  const { demo } = host;

  const app = new Koa<State>();
  // The webhook first: outside the login (Midtrans cannot sign in), before any body parsing.
  app.use(midtransKoaWebhook(demo.kit, { path: WEBHOOK_PATH }));
  app.use(async (ctx, next) => {
    ctx.state.user = userFromCookieHeader(ctx.get('cookie') || undefined);
    await next();
  });

  const api = new Router<State>({ prefix: '/api' });
  api.get('/session', (ctx) => {
    ctx.body = sessionBody(demo, ctx.state.user);
  });
  api.post('/login', async (ctx) => {
    const user = findUser(((await readSmallJson(ctx.req)) as { userId?: unknown } | undefined)?.userId);
    if (user === undefined) ctx.throw(400, 'No such user');
    ctx.set('Set-Cookie', sessionCookie(user));
    ctx.body = { user };
  });
  api.post('/logout', (ctx) => {
    ctx.set('Set-Cookie', sessionCookie(undefined));
    ctx.body = {};
  });
  api.get('/staff/payments', requireStaff, async (ctx) => {
    ctx.body = await staffPaymentsBody(demo);
  });
  api.post('/card-token', async (ctx) => {
    if (ctx.state.user === undefined) ctx.throw(401, 'Sign in first');
    ctx.body = await demoCardTokenBody(demo);
  });
  app.use(api.routes()).use(api.allowedMethods());

  // The kit's JSON routes, behind the login; staff may refund, capture, approve and deny.
  const midtrans = midtransKoaRouter<DemoUser>(demo.kit, { prefix: API_PREFIX, authorize: staffOnly });
  app.use(requireLoginUnder(API_PREFIX)).use(midtrans.routes()).use(midtrans.allowedMethods());

  // The staff dashboard: pages for everyone signed in whom `authorize` lets see them (staff only).
  app.use(
    midtransKoaDashboard<DemoUser>(demo.kit, {
      prefix: '/admin',
      authorize: ({ user }) => user.isStaff,
      signInUrl: '/login',
    }),
  );

  app.use(async (ctx, next) => {
    const file = ctx.method === 'GET' ? await staticFile(ctx.path) : undefined;
    if (file === undefined) return next();
    ctx.type = file.contentType;
    ctx.body = file.body;
  });

  return host.serve(app.callback());
}

function requireLoginUnder(prefix: string) {
  return async (ctx: Context, next: Next) => {
    const under = ctx.path === prefix || ctx.path.startsWith(`${prefix}/`);
    if (under && ctx.state.user === undefined) {
      ctx.status = 401;
      ctx.body = { error: { code: 'unauthenticated', message: 'Sign in first' } };
      return;
    }
    await next();
  };
}

async function requireStaff(ctx: Context, next: Next): Promise<void> {
  if ((ctx.state as State).user?.isStaff !== true) {
    ctx.status = 403;
    ctx.body = { error: { code: 'forbidden', message: 'Staff only' } };
    return;
  }
  await next();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const example = await startKoaExample({ port: Number(process.env.PORT ?? 3001) });
  console.log(`Koa example: open ${example.url}`);
  process.once('SIGINT', () => void example.close().then(() => process.exit(0)));
}
