/**
 * What both example entries do around their framework: listen first (the simulator must know the
 * webhook's URL, which needs the port), start the demo kit, and close both again.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Demo, startDemo } from './demo.js';

/** A running example. */
export interface RunningExample {
  url: string;
  close(): Promise<void>;
}

/** A listening server with its demo kit, waiting for the framework's request handler. */
export interface ExampleHost {
  url: string;
  demo: Demo;
  /** Hand the server to the framework and get the running example. */
  serve(handler: RequestListener): RunningExample;
}

/** Listen on `port` (0: any free port) and start the demo kit on its own SQLite file. */
export async function startExampleHost(options: {
  port: number;
  databaseFile: string;
}): Promise<ExampleHost> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const demo = await startDemo({ baseUrl: url, databaseFile: options.databaseFile });
  return {
    url,
    demo,
    serve(handler) {
      server.on('request', handler);
      return {
        url,
        async close() {
          server.closeAllConnections();
          await new Promise((resolve) => server.close(resolve));
          await demo.close();
        },
      };
    },
  };
}
