/**
 * Host apps for the dashboard suite, one per adapter, built alike: the host's auth turns
 * `x-test-user`/`x-test-role` into a user, the dashboard is mounted at `/admin`, and a host 404 follows.
 * Roles: `staff` may do everything, `viewer` only `dashboard.view`, anyone else nothing.
 */
import type { RequestListener } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import Koa from 'koa';
import { midtransDashboard } from '../../adapters/express.js';
import { midtransFastifyDashboard } from '../../adapters/fastify.js';
import { midtransFetchDashboard } from '../../adapters/fetch.js';
import { midtransKoaDashboard } from '../../adapters/koa.js';
import type { DashboardAuthorizeContext, DashboardOptions } from '../../src/http/index.js';
import type { MidtransKit } from '../../src/kit.js';

/** The adapters under test. */
export type AdapterName = 'express' | 'koa' | 'fastify' | 'fetch';

/** A host user. */
export interface StaffUser {
  id: string;
  role: string;
}

/** Where the suite mounts the dashboard. */
export const MOUNT = '/admin';

/** Staff act, viewers look, others get nothing. */
export function authorize({ user, action }: DashboardAuthorizeContext<StaffUser>): boolean {
  return user.role === 'staff' || (user.role === 'viewer' && action === 'dashboard.view');
}

/** Extra dashboard options (default: the suite's `authorize`). */
export type AppOptions = Omit<DashboardOptions<StaffUser>, 'resolveUser'> & { hostUrlencoded?: boolean };

function userFrom(get: (name: string) => string | undefined): StaffUser | undefined {
  const id = get('x-test-user');
  return id ? { id, role: get('x-test-role') ?? 'customer' } : undefined;
}

/** The host app for an adapter. */
export function dashboardApp(
  adapter: AdapterName,
  kit: MidtransKit,
  options: AppOptions = { authorize },
): RequestListener {
  if (adapter === 'fastify') return fastifyDashboardApp(kit, options);
  if (adapter === 'fetch') return fetchDashboardApp(kit, options);
  const { hostUrlencoded, ...dashboardOptions } = options;
  if (adapter === 'express') {
    const app = express();
    app.use((req, _res, next) => {
      (req as { user?: StaffUser }).user = userFrom((name) => req.get(name));
      next();
    });
    if (hostUrlencoded) app.use(express.urlencoded({ extended: false }));
    app.use(MOUNT, midtransDashboard<StaffUser>(kit, dashboardOptions));
    app.use((_req, res) => {
      res.status(404).json({ host: 'not found' });
    });
    return app;
  }
  const app = new Koa();
  app.use(async (ctx, next) => {
    ctx.state.user = userFrom((name) => ctx.get(name) || undefined);
    await next();
  });
  app.use(midtransKoaDashboard<StaffUser>(kit, { prefix: MOUNT, ...dashboardOptions }));
  app.use((ctx) => {
    ctx.status = 404;
    ctx.body = { host: 'not found' };
  });
  return app.callback();
}

/** Fastify: the dashboard plugin under the mount, the host's user from its own hook. */
function fastifyDashboardApp(kit: MidtransKit, options: AppOptions): RequestListener {
  const { hostUrlencoded: _ignored, ...dashboardOptions } = options;
  const app = Fastify();
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    const header = (name: string) => {
      const value = request.headers[name];
      return typeof value === 'string' && value !== '' ? value : undefined;
    };
    Reflect.set(request, 'user', userFrom(header));
  });
  app.register(midtransFastifyDashboard<StaffUser>(kit, dashboardOptions), { prefix: MOUNT });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ host: 'not found' }));
  const ready = app.ready();
  return (req, res) => void ready.then(() => app.routing(req, res));
}

/** The fetch handler in a Hono app on Hono's Node server. */
function fetchDashboardApp(kit: MidtransKit, options: AppOptions): RequestListener {
  const { hostUrlencoded: _ignored, ...dashboardOptions } = options;
  const dashboard = midtransFetchDashboard<StaffUser>(kit, {
    prefix: MOUNT,
    ...dashboardOptions,
    resolveUser: (request) => userFrom((name) => request.headers.get(name) || undefined),
  });
  const app = new Hono();
  app.use(async (c, next) => (await dashboard.match(c.req.raw)) ?? next());
  app.notFound((c) => c.json({ host: 'not found' }, 404));
  return getRequestListener(app.fetch);
}
