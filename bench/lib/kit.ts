/** A kit on a bench database, pointed at a simulator. */
import { createMidtrans, type MidtransKit } from '../../src/kit.js';
import type { BenchDatabase } from './db.js';
import { CLIENT_KEY, SERVER_KEY } from './keys.js';

/** Create and migrate a kit; `trustSignature` as given (default false, the kit's default). */
export async function createBenchKit(
  db: Pick<BenchDatabase, 'config'>,
  urls: { apiUrl: string; snapUrl: string },
  options: { trustSignature?: boolean } = {},
): Promise<MidtransKit> {
  const kit = createMidtrans({
    serverKey: SERVER_KEY,
    clientKey: CLIENT_KEY,
    apiBaseUrl: urls.apiUrl,
    snapBaseUrl: urls.snapUrl,
    database: db.config,
    tablePrefix: 'mtb_',
    trustSignature: options.trustSignature ?? false,
  });
  await kit.migrate();
  return kit;
}
