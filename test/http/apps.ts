/**
 * The host apps the HTTP suite drives, one per adapter, built the same way: a host middleware
 * before the router (a response header, and a user from `x-test-user`/`x-test-role` as a host's
 * auth would set it), optionally a host JSON parser, the router under a prefix, then host routes
 * after it and a host 404.
 */
import type { RequestListener } from 'node:http';
import { Router as KoaRouter } from '@koa/router';
import express from 'express';
import Koa from 'koa';
import { midtransRouter, midtransWebhook } from '../../adapters/express.js';
import { midtransKoaRouter, midtransKoaWebhook } from '../../adapters/koa.js';
import type { AuthorizeContext } from '../../src/http/index.js';
import type { MidtransKit } from '../../src/kit.js';
import { fastifyApp, fetchApp } from './apps-more.js';

/** The adapters under test. */
export type AdapterName = 'express' | 'koa' | 'fastify' | 'fetch';

/** A host user of the tests. */
export interface TestUser {
  id: string;
  role: string;
}

/** How the host app is put together. */
export interface AppSetup {
  /** Mount point of the router (default `/midtrans`). */
  prefix?: string;
  /** A host body parser before the router: none, plain JSON, or JSON keeping the raw bytes. */
  hostJson?: 'none' | 'plain' | 'keep-raw';
  /** Mount the webhook alone on this path, before the host's parser. */
  webhookPath?: string;
  /** Router body limit. */
  bodyLimit?: number;
  /** Pass `resolveUser` explicitly instead of relying on the adapter default. */
  explicitUser?: boolean;
  /** Collect what the router reports to `onError` here (default: the kit's logger). */
  errors?: unknown[];
}

function reporting(setup: AppSetup) {
  const { errors } = setup;
  return errors ? { onError: (error: unknown) => void errors.push(error) } : {};
}

/** Staff may do anything; everyone else gets the defaults. */
export const authorize = ({ user }: AuthorizeContext<TestUser>): boolean => user.role === 'staff';

function userFrom(get: (name: string) => string | undefined): TestUser | undefined {
  const id = get('x-test-user');
  return id ? { id, role: get('x-test-role') || 'customer' } : undefined;
}

/** Build the host app for an adapter. */
export function buildApp(adapter: AdapterName, kit: MidtransKit, setup: AppSetup = {}): RequestListener {
  if (adapter === 'fastify') return fastifyApp(kit, setup);
  if (adapter === 'fetch') return fetchApp(kit, setup);
  return adapter === 'express' ? expressApp(kit, setup) : koaApp(kit, setup);
}

function expressApp(kit: MidtransKit, setup: AppSetup): RequestListener {
  const prefix = setup.prefix ?? '/midtrans';
  const app = express();
  app.use((req, res, next) => {
    res.setHeader('x-host-before', 'yes');
    if (!setup.explicitUser) (req as { user?: TestUser }).user = userFrom((name) => req.get(name));
    next();
  });
  if (setup.webhookPath) app.post(setup.webhookPath, midtransWebhook(kit));
  if (setup.hostJson === 'plain') app.use(express.json());
  if (setup.hostJson === 'keep-raw') {
    app.use(express.json({ verify: (req, _res, buf) => Object.assign(req, { rawBody: Buffer.from(buf) }) }));
  }
  app.use(
    prefix,
    midtransRouter<TestUser>(kit, {
      authorize,
      ...reporting(setup),
      ...(setup.bodyLimit ? { bodyLimit: setup.bodyLimit } : {}),
      ...(setup.explicitUser ? { resolveUser: (req) => userFrom((name) => req.get(name)) } : {}),
    }),
  );
  app.get(`${prefix === '/' ? '' : prefix}/host-extra`, (_req, res) => {
    res.json({ host: 'extra' });
  });
  app.use((_req, res) => {
    res.status(404).json({ host: 'not found' });
  });
  return app;
}

function koaApp(kit: MidtransKit, setup: AppSetup): RequestListener {
  const prefix = setup.prefix ?? '/midtrans';
  const app = new Koa();
  app.use(async (ctx, next) => {
    ctx.set('x-host-before', 'yes');
    if (!setup.explicitUser) ctx.state.user = userFrom((name) => ctx.get(name) || undefined);
    await next();
  });
  if (setup.webhookPath) app.use(midtransKoaWebhook(kit, { path: setup.webhookPath }));
  if (setup.hostJson === 'plain' || setup.hostJson === 'keep-raw')
    app.use(koaJson(setup.hostJson === 'keep-raw'));
  const router = midtransKoaRouter<TestUser>(kit, {
    ...(prefix === '/' ? {} : { prefix }),
    authorize,
    ...reporting(setup),
    ...(setup.bodyLimit ? { bodyLimit: setup.bodyLimit } : {}),
    ...(setup.explicitUser ? { resolveUser: (ctx) => userFrom((name) => ctx.get(name) || undefined) } : {}),
  });
  app.use(router.routes());
  const host = new KoaRouter({ prefix: prefix === '/' ? '' : prefix });
  host.get('/host-extra', (ctx) => {
    ctx.body = { host: 'extra' };
  });
  app.use(host.routes());
  app.use((ctx) => {
    ctx.status = 404;
    ctx.body = { host: 'not found' };
  });
  return app.callback();
}

/** A JSON body parser like koa-bodyparser: `ctx.request.body`, and `rawBody` (text) if asked. */
function koaJson(keepRaw: boolean): Koa.Middleware {
  return async (ctx, next) => {
    if (ctx.is('application/json')) {
      const chunks: Buffer[] = [];
      for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
      const text = Buffer.concat(chunks).toString('utf8');
      const request = ctx.request as { body?: unknown; rawBody?: string };
      request.body = text ? (JSON.parse(text) as unknown) : {};
      if (keepRaw) request.rawBody = text;
    }
    await next();
  };
}
