/**
 * The suite's host apps on Fastify and on the fetch handler (served by Hono's Node server), built
 * like the Express and Koa ones in apps.ts: host code before the router (a header, the user from
 * `x-test-user`/`x-test-role`), optionally a host body parser, the router under a prefix, a host
 * route after it and a host 404.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import Fastify, { type FastifyRequest } from 'fastify';
import { Hono } from 'hono';
import { midtransFastify, midtransFastifyWebhook } from '../../adapters/fastify.js';
import { midtransFetchHandler, midtransFetchWebhook } from '../../adapters/fetch.js';
import type { MidtransKit } from '../../src/kit.js';
import { type AppSetup, authorize, type TestUser } from './apps.js';

function userFrom(get: (name: string) => string | undefined): TestUser | undefined {
  const id = get('x-test-user');
  return id ? { id, role: get('x-test-role') || 'customer' } : undefined;
}

const reporting = (setup: AppSetup) =>
  setup.errors ? { onError: (error: unknown) => void setup.errors?.push(error) } : {};

/** Fastify: the plugin registered under the prefix; the host keeps Fastify's own JSON parser. */
export function fastifyApp(kit: MidtransKit, setup: AppSetup): RequestListener {
  const prefix = setup.prefix ?? '/midtrans';
  const app = Fastify();
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-host-before', 'yes');
    if (!setup.explicitUser) {
      Reflect.set(
        request,
        'user',
        userFrom((name) => headerOf(request, name)),
      );
    }
  });
  if (setup.webhookPath) app.register(midtransFastifyWebhook(kit), { prefix: setup.webhookPath });
  app.register(
    midtransFastify<TestUser>(kit, {
      authorize,
      ...reporting(setup),
      ...(setup.bodyLimit ? { bodyLimit: setup.bodyLimit } : {}),
      ...(setup.explicitUser
        ? { resolveUser: (request) => userFrom((name) => headerOf(request, name)) }
        : {}),
    }),
    { prefix: prefix === '/' ? '' : prefix },
  );
  app.get(`${prefix === '/' ? '' : prefix}/host-extra`, async () => ({ host: 'extra' }));
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ host: 'not found' }));
  const ready = app.ready();
  return (req: IncomingMessage, res: ServerResponse) => void ready.then(() => app.routing(req, res));
}

function headerOf(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The fetch handler inside a Hono app, served by Hono's Node server. */
export function fetchApp(kit: MidtransKit, setup: AppSetup): RequestListener {
  const prefix = setup.prefix ?? '/midtrans';
  const user = (request: Request) => userFrom((name) => request.headers.get(name) || undefined);
  const handler = midtransFetchHandler<TestUser>(kit, {
    prefix: prefix === '/' ? '' : prefix,
    authorize,
    resolveUser: user,
    ...reporting(setup),
    ...(setup.bodyLimit ? { bodyLimit: setup.bodyLimit } : {}),
  });
  const app = new Hono();
  app.use(async (c, next) => {
    await next();
    c.res.headers.set('x-host-before', 'yes');
  });
  if (setup.webhookPath) {
    const webhook = midtransFetchWebhook(kit);
    app.post(setup.webhookPath, (c) => webhook(c.req.raw));
  }
  if (setup.hostJson === 'plain' || setup.hostJson === 'keep-raw') {
    // A host that reads the body itself must read a clone: the kit needs the original bytes.
    app.use(async (c, next) => {
      if (c.req.header('content-type')?.includes('json')) await c.req.raw.clone().text();
      await next();
    });
  }
  app.use(async (c, next) => (await handler.match(c.req.raw)) ?? next());
  app.get(`${prefix === '/' ? '' : prefix}/host-extra`, (c) => c.json({ host: 'extra' }));
  app.notFound((c) => c.json({ host: 'not found' }, 404));
  return getRequestListener(app.fetch);
}
