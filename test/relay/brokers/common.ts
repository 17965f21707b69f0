/** Shared pieces of the broker harnesses. */
import net from 'node:net';
import type { ArrivedMessage } from '../broker.js';

/** Undefined when something listens on 127.0.0.1:`port`, else why not. */
export function probePort(port: number, what: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(undefined);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(`${what} at 127.0.0.1:${port} did not answer`);
    });
    socket.once('error', (error) => resolve(`${what} at 127.0.0.1:${port}: ${error.message}`));
  });
}

/** The suite's view of a message body written by a sink. */
export function arrivedFrom(body: string | Uint8Array): ArrivedMessage {
  const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
  const parsed: { id: string; key: string; payload: { seq: number } } = JSON.parse(text);
  return { id: parsed.id, key: parsed.key, seq: parsed.payload.seq };
}
