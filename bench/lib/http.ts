/** Minimal keep-alive HTTP calls for load generation (node:http, loopback only). */
import http from 'node:http';

/** An agent keeping up to `sockets` connections open for reuse. */
export function keepAliveAgent(sockets: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
}

/** A finished request. */
export interface HttpAnswer {
  status: number;
  body: string;
}

/** One request; resolves with status and body text, rejects on network errors or after `timeoutMs`. */
export function request(
  agent: http.Agent,
  url: string,
  options: { method?: string; headers?: http.OutgoingHttpHeaders; body?: string; timeoutMs?: number } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        agent,
        method: options.method ?? 'GET',
        headers: options.headers,
        timeout: options.timeoutMs ?? 10_000,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout: ${url}`)));
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Like {@link request} but rejects unless the HTTP status is `expected`. */
export async function expectStatus(
  expected: number,
  ...args: Parameters<typeof request>
): Promise<HttpAnswer> {
  const answer = await request(...args);
  if (answer.status !== expected) {
    throw new Error(
      `HTTP ${answer.status} (expected ${expected}) from ${args[1]}: ${answer.body.slice(0, 200)}`,
    );
  }
  return answer;
}
