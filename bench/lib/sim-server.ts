/**
 * Child-process entry: a simulator in its own process, so load generators and clients never
 * share its event loop (on two cores each side gets one). Driven over IPC by `sim-process.ts`.
 */
import http from 'node:http';
import { startSimulator } from '../../src/simulator/index.js';
import { CLIENT_KEY, chargeJson, SERVER_KEY } from './keys.js';
import type { SimMessage, SimReply } from './sim-process.js';

// Seeding in chunks keeps each control call short and the peak memory of bodies small.
const SEED_CHUNK = 5000;

const send = (reply: SimReply): void => {
  process.send?.(reply);
};

/**
 * `BENCH_SERVER=bare`: the machine's ceiling instead — a keep-alive node:http server answering
 * every request with a fixed JSON body the size of a status answer, no routing or state.
 */
async function startBare(): Promise<{ apiUrl: string; close(): Promise<void> }> {
  const body = JSON.stringify({ status_code: '200', padding: 'x'.repeat(700) });
  const server = http.createServer({ keepAlive: true }, (req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    apiUrl: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

if (process.env.BENCH_SERVER === 'bare') {
  const bare = await startBare();
  process.on('message', (message: SimMessage) => {
    if (message.type === 'close') void bare.close().then(() => process.exit(0));
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', apiUrl: bare.apiUrl, snapUrl: bare.apiUrl });
} else {
  await startSim();
}

async function startSim(): Promise<void> {
  const sim = await startSimulator({ serverKey: SERVER_KEY, clientKey: CLIENT_KEY });
  process.on('message', (message: SimMessage) => {
    if (message.type === 'seed') {
      for (let from = 0; from < message.count; from += SEED_CHUNK) {
        const bodies = [];
        for (let i = from; i < Math.min(message.count, from + SEED_CHUNK); i++) {
          bodies.push(chargeJson(`${message.prefix}-${i}`));
        }
        sim.controls.seed(bodies, { settle: message.settle });
      }
      send({ type: 'seeded', count: message.count, rss: process.memoryUsage().rss });
    } else if (message.type === 'close') {
      void sim.close().then(() => process.exit(0));
    }
  });
  // The parent went away: never outlive it.
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', apiUrl: sim.apiUrl, snapUrl: sim.snapUrl });
}
