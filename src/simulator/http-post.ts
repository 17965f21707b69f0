/**
 * One notification POST as Midtrans sends it: JSON body, `User-Agent: Veritrans`, a timeout,
 * 307/308 followed with the same body (up to 5 times), other redirects not followed.
 */
import http from 'node:http';
import https from 'node:https';
import { isFollowedRedirect, MAX_REDIRECTS } from './retry-policy.js';

/** The result of one attempt. */
export interface PostResult {
  status: number | undefined;
  error: string | undefined;
  /** The URL that answered last (after redirects). */
  finalUrl: string;
}

const httpAgent = new http.Agent({ keepAlive: true });
const httpsAgent = new https.Agent({ keepAlive: true });

/** POST `body` to `url`; never rejects. `signal` aborts it (simulator shutdown). */
export function postNotification(
  url: string,
  body: string,
  timeoutMs: number,
  signal: AbortSignal,
  redirects = 0,
): Promise<PostResult> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve({ status: undefined, error: `invalid URL ${url}`, finalUrl: url });
      return;
    }
    const secure = target.protocol === 'https:';
    const request = (secure ? https : http).request(
      target,
      {
        method: 'POST',
        agent: secure ? httpsAgent : httpAgent,
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          'User-Agent': 'Veritrans',
          'Content-Length': Buffer.byteLength(body),
        },
        signal,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        response.resume();
        response.on('end', () => {
          const location = response.headers.location;
          if (isFollowedRedirect(status) && location && redirects < MAX_REDIRECTS) {
            const next = new URL(location, target).toString();
            postNotification(next, body, timeoutMs, signal, redirects + 1).then(resolve);
            return;
          }
          resolve({ status, error: undefined, finalUrl: url });
        });
        response.on('error', (error) => resolve({ status: undefined, error: error.message, finalUrl: url }));
      },
    );
    request.setTimeout(timeoutMs, () => {
      request.destroy(new Error(`timeout after ${timeoutMs} ms`));
    });
    request.on('error', (error) => resolve({ status: undefined, error: error.message, finalUrl: url }));
    request.end(body);
  });
}
