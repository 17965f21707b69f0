/**
 * The logger the services use. It is the resolved config's logger: pino-shaped `(obj, msg)`,
 * silent unless the host passed one, never throwing, with the server and client keys redacted
 * from every string before the host's logger sees it (see `resolveConfig`).
 */
import type { ResolvedClientConfig } from '../../config.js';

/** The services' logger: every level present, never throws, redacts secrets. */
export type KitLogger = ResolvedClientConfig['logger'];

/** Turn anything thrown into loggable detail (the logger redacts it). */
export function errorDetail(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { err: error };
  return { err: { message: String(error) } };
}
