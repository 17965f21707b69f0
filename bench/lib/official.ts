/**
 * The official `midtrans-client` package (CommonJS, untyped), typed for what the benches call and
 * pointed at a simulator the way test/simulator/official-client.test.ts does: by replacing the
 * two base-URL methods on the instance's `apiConfig` (nothing in the package is patched).
 */
import { createRequire } from 'node:module';
import { CLIENT_KEY, SERVER_KEY } from './keys.js';

type Json = Record<string, unknown>;

interface ApiConfig {
  getCoreApiBaseUrl(): string;
  getSnapApiBaseUrl(): string;
}

/** The part of the official CoreApi the benches use. */
export interface OfficialCoreApi {
  apiConfig: ApiConfig;
  transaction: { status(id: string): Promise<Json> };
  charge(body: object): Promise<Json>;
}

interface OfficialModule {
  CoreApi: new (options: { isProduction: boolean; serverKey: string; clientKey: string }) => OfficialCoreApi;
}

/** A CoreApi of the official package talking to `apiUrl`. */
export function officialCoreApi(apiUrl: string, snapUrl: string): OfficialCoreApi {
  const mod = createRequire(import.meta.url)('midtrans-client') as OfficialModule;
  const core = new mod.CoreApi({ isProduction: false, serverKey: SERVER_KEY, clientKey: CLIENT_KEY });
  core.apiConfig.getCoreApiBaseUrl = () => apiUrl;
  core.apiConfig.getSnapApiBaseUrl = () => snapUrl;
  return core;
}
