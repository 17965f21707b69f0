/**
 * What both example apps share and is not framework-specific: the kit (on a SQLite file), the
 * in-process Midtrans simulator (unless real sandbox keys are set), the rule that ties a charge
 * to a product's price, and a log line per paid order. Each entry file only mounts it.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type BeforeChargeContext, createMidtrans, type MidtransKit, type Payment } from 'midtrans-kit';
import { type Simulator, startSimulator } from 'midtrans-kit/simulator';
import { findProduct } from './catalog.js';

/** Where both apps mount the kit's JSON routes. */
export const API_PREFIX = '/midtrans';
/** Where both apps receive Midtrans notifications (outside the demo login). */
export const WEBHOOK_PATH = '/midtrans/notifications';

/** Sandbox-shaped keys of the local simulator (it checks their form like Midtrans does). */
const LOCAL_SERVER_KEY = 'SB-Mid-server-LOCALEXAMPLE';
const LOCAL_CLIENT_KEY = 'SB-Mid-client-LOCALEXAMPLE';

/** Options of {@link startDemo}. */
export interface DemoOptions {
  /** The app's own origin, e.g. `http://127.0.0.1:3000`: the simulator notifies `<baseUrl>/midtrans/notifications`. */
  baseUrl: string;
  /** SQLite file, or `:memory:` (tests). */
  databaseFile: string;
  /** Environment to read keys from (default `process.env`). */
  env?: NodeJS.ProcessEnv;
}

/** A running demo back end. */
export interface Demo {
  readonly kit: MidtransKit;
  /** `simulator` (local, default) or `sandbox` (real Midtrans sandbox keys were given). */
  readonly mode: 'simulator' | 'sandbox';
  /** Base of the simulator's pages (`<url>/pay/<orderId>`), or null against the real sandbox. */
  readonly simulatorUrl: string | null;
  /** Stop the simulator and close the database. */
  close(): Promise<void>;
}

/** Start the kit, and the simulator unless `MIDTRANS_SERVER_KEY` is set; migrate the database. */
export async function startDemo(options: DemoOptions): Promise<Demo> {
  const env = options.env ?? process.env;
  const database = sqlite(options.databaseFile);
  const hooks = { beforeCharge: checkPrice };
  const serverKey = env.MIDTRANS_SERVER_KEY?.trim();

  let simulator: Simulator | undefined;
  let kit: MidtransKit;
  if (serverKey) {
    kit = createMidtrans({
      serverKey,
      clientKey: env.MIDTRANS_CLIENT_KEY?.trim() || undefined,
      isProduction: env.MIDTRANS_IS_PRODUCTION === 'true',
      // Midtrans must reach the webhook from the internet: a tunnel or a deployed host.
      notificationUrl: env.MIDTRANS_NOTIFICATION_URL?.trim() || undefined,
      database,
      hooks,
    });
  } else {
    simulator = await startSimulator({
      serverKey: LOCAL_SERVER_KEY,
      clientKey: LOCAL_CLIENT_KEY,
      notificationUrl: new URL(WEBHOOK_PATH, options.baseUrl).toString(),
      // Midtrans retries a failed delivery after minutes; the demo does it after about a second.
      notificationRetry: { timeScale: 0.01 },
      // SIMULATOR_PORT pins the simulator (its pay pages) to a port; by default any free one.
      port: simulatorPort(env.SIMULATOR_PORT),
    });
    kit = createMidtrans({
      serverKey: LOCAL_SERVER_KEY,
      clientKey: LOCAL_CLIENT_KEY,
      apiBaseUrl: simulator.apiUrl,
      snapBaseUrl: simulator.snapUrl,
      database,
      hooks,
    });
  }
  await kit.migrate();
  // A real shop would ship the order here: a named, durable consumer, at least once, after commit.
  kit.events.consume('shop', { 'payment.paid': ({ payment }) => logPaid(payment) });

  const sim = simulator;
  return {
    kit,
    mode: sim ? 'simulator' : 'sandbox',
    simulatorUrl: sim ? sim.apiUrl : null,
    async close() {
      await sim?.close();
      await kit.close();
    },
  };
}

function simulatorPort(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 0;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`SIMULATOR_PORT must be a port number from 0 to 65535 (got "${value}")`);
  }
  return port;
}

function sqlite(file: string) {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  return { client: 'better-sqlite3', connection: { filename: file }, useNullAsDefault: true };
}

/**
 * The JSON routes let the browser name the amount, so the shop checks it against the product the
 * metadata names: a customer cannot buy the scarf for Rp 1.
 */
function checkPrice(ctx: BeforeChargeContext): undefined {
  const productId = ctx.request.metadata?.productId;
  const product = findProduct(productId);
  if (product === undefined || ctx.request.transaction_details.gross_amount !== product.price) {
    throw Object.assign(new Error('Unknown product or wrong price'), { status: 400 });
  }
  return undefined;
}

function logPaid(payment: Payment): void {
  const product = findProduct(payment.metadata?.productId)?.name ?? 'an order';
  console.log(`[shop] ${payment.orderId} paid: ship ${product} to user ${payment.userId ?? '?'}`);
}
