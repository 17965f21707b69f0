import { createMidtransClient } from '../../src/client/index.js';
import { expectStatus, keepAliveAgent } from './http.js';
import { AUTH_HEADER, CLIENT_KEY, chargeBody, SERVER_KEY } from './keys.js';
import { runLoad } from './load.js';
import { startSimProcess } from './sim-process.js';
const sim = await startSimProcess();
const ours = createMidtransClient({ serverKey: SERVER_KEY, clientKey: CLIENT_KEY, apiBaseUrl: sim.apiUrl, snapBaseUrl: sim.snapUrl });
const agent = keepAliveAgent(32);
const headers = { authorization: AUTH_HEADER, accept: 'application/json', 'content-type': 'application/json' };
let seq = 0;
for (let r = 0; r < 3; r++) for (const side of (process.env.SIDES ?? 'ours,raw').split(',')) {
  const op = side === 'ours' ? () => ours.core.charge(chargeBody(`Z-${seq++}`)) : () => expectStatus(200, agent, `${sim.apiUrl}/v2/charge`, { method: 'POST', headers, body: JSON.stringify(chargeBody(`Z-${seq++}`)) });
  const res = await runLoad({ concurrency: 32, requests: 6000, maxMs: 3000, warmup: 200, op });
  console.log(side, Math.round(res.rps));
}
agent.destroy(); await sim.close();
