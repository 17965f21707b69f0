/**
 * `startSimulator`: one `node:http` server (keep-alive) for the Midtrans API, the pages and
 * the controls. Each request: run due clock work (O(1) when none), route, authenticate,
 * apply injected faults, honour idempotency keys, handle, write.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { JsonValue } from '../wire-types.js';
import { addApiRoutes } from './api-routes.js';
import { clientKeyValid } from './card-token.js';
import { createClock } from './clock.js';
import type { SimContext } from './context.js';
import { addControlRoutes, CONTROL_PREFIX } from './control-routes.js';
import { createControls } from './controls.js';
import { createFaultTable } from './faults.js';
import { authorized, basicUsername, familyOfPath, notFound, readBody, write } from './http-io.js';
import { begin, finish, forget, IDEMPOTENCY_TTL_MS, idempotencyKey, replay } from './idempotency.js';
import { createIdSource } from './ids.js';
import { createNotifier } from './notifier.js';
import { addPageRoutes } from './pages/page-routes.js';
import { type ApiFamily, createRouter, type Route, type SimRequest } from './router.js';
import { createScheduler } from './scheduler.js';
import { createState } from './state.js';
import type { Simulator, SimulatorOptions } from './types.js';
import { coreError, malformedBody, methodNotAllowed, serverError, unauthorized } from './wire-errors.js';

/** Start a simulator. Resolves once it listens. */
export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  if (!options.serverKey) throw new Error('startSimulator: serverKey is required');
  const clock = createClock(options.now);
  const scheduler = createScheduler(clock);
  const ids = createIdSource();
  const ctx: SimContext = {
    options: {
      serverKey: options.serverKey,
      clientKey: options.clientKey,
      notificationUrl: options.notificationUrl,
      recurringNotificationUrl: options.recurringNotificationUrl,
      payAccountNotificationUrl: options.payAccountNotificationUrl,
      merchantId: options.merchantId ?? 'G000000001',
      subscriptionPaymentNotifications: options.subscriptionPaymentNotifications ?? true,
    },
    clock,
    scheduler,
    ids,
    notifier: createNotifier(clock, scheduler, ids, options.notificationRetry),
    state: createState(),
    baseUrl: '',
    failNextSubscriptionCharges: new Map(),
    rejectDirectRefunds: 0,
  };
  const faults = createFaultTable();
  const controls = createControls(ctx, faults);
  const router = createRouter();
  addApiRoutes(router);
  addPageRoutes(router, controls);
  addControlRoutes(router, controls);

  const hangs = new Set<NodeJS.Timeout>();
  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        hangs.delete(timer);
        resolve();
      }, ms);
      hangs.add(timer);
    });

  const keyFor = (route: Route, headers: IncomingMessage['headers']): string | undefined => {
    if (!route.idempotent) return undefined;
    return idempotencyKey(headers[route.family === 'invoice' ? 'x-idempotency-key' : 'idempotency-key']);
  };

  // The BIN API takes either key as Basic-auth username; every other API family the server key.
  const keyAccepted = (family: ApiFamily, header: string | undefined): boolean =>
    authorized(header, ctx.options.serverKey) ||
    (family === 'bin' && clientKeyValid(ctx, basicUsername(header)));
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    const method = req.method ?? 'GET';
    const control = path.startsWith(CONTROL_PREFIX);
    if (!control) scheduler.runDue();

    const matched = router.match(method, path);
    const family: ApiFamily = typeof matched === 'object' ? matched.route.family : familyOfPath(path);
    const apiCall = family !== 'control' && family !== 'page';
    if (apiCall && family !== 'token' && !keyAccepted(family, req.headers.authorization)) {
      req.resume();
      write(res, unauthorized(family));
      return;
    }
    // The key is claimed before any fault, so a repeat during a hang sees "in progress".
    const key = typeof matched === 'object' ? keyFor(matched.route, req.headers) : undefined;
    if (key) {
      const stored = replay(ctx, key);
      if (stored) {
        req.resume();
        write(res, stored);
        return;
      }
      begin(ctx, key, IDEMPOTENCY_TTL_MS);
    }
    const release = (): void => {
      if (key) forget(ctx, key);
    };
    if (!control) {
      const fault = faults.take(method, path);
      if (fault?.kind === 'drop') {
        release();
        req.socket.destroy();
        return;
      }
      if (fault?.kind === 'status') {
        release();
        req.resume();
        write(res, serverError(family, fault.status ?? 500));
        return;
      }
      if (fault?.kind === 'hang') {
        await sleep(fault.ms ?? 30_000);
        if (res.destroyed || req.socket.destroyed) {
          release();
          return;
        }
      }
    }
    if (matched === undefined) {
      req.resume();
      write(res, family === 'page' ? { status: 404, body: null } : notFound(family));
      return;
    }
    if (matched === 'method-mismatch') {
      req.resume();
      write(res, methodNotAllowed(family));
      return;
    }
    const raw = await readBody(req);
    if (raw === undefined) {
      release();
      write(res, coreError('413', 'The request body is too large'));
      return;
    }
    let body: JsonValue | undefined;
    let form: URLSearchParams | undefined;
    if ((req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      form = new URLSearchParams(raw);
    } else if (raw.trim() !== '') {
      try {
        body = JSON.parse(raw) as JsonValue;
      } catch {
        release();
        write(res, malformedBody(family));
        return;
      }
    }
    const request: SimRequest = {
      method,
      path,
      params: matched.params,
      query: new URLSearchParams(q === -1 ? '' : url.slice(q + 1)),
      headers: req.headers,
      body,
      form,
    };
    const response = await matched.route.handler(ctx, request);
    if (key) finish(ctx, key, response, IDEMPOTENCY_TTL_MS);
    write(res, response);
  };

  const server = http.createServer({ keepAlive: true }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) write(res, coreError('500', `Simulator error: ${(error as Error).message}`));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 65_000;
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  ctx.baseUrl = `http://${shownHost}:${port}`;

  let closed: Promise<void> | undefined;
  return {
    apiUrl: ctx.baseUrl,
    snapUrl: `${ctx.baseUrl}/snap/v1`,
    controlUrl: `${ctx.baseUrl}${CONTROL_PREFIX}`,
    controls,
    close() {
      closed ??= new Promise<void>((resolve) => {
        scheduler.clear();
        ctx.notifier.reset();
        for (const timer of hangs) clearTimeout(timer);
        hangs.clear();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closed;
    },
  };
}
