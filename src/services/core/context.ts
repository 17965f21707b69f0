/**
 * What every service is built from. The kit makes one context per `createMidtrans` call, so kits
 * in one process share nothing. Services receive it in their constructor (`new PaymentService(ctx)`),
 * which is also what a host's subclass receives.
 */
import type { MidtransClient } from '../../client/index.js';
import type { ResolvedConfig } from '../../config.js';
import type { Store } from '../../storage/store.js';
import type { EventBus } from '../events/events.js';
import type { FaultPoints } from './fault-points.js';
import type { ResolvedHooks } from './hooks.js';
import type { KitLogger } from './logger.js';

/** The shared parts of one kit. */
export interface ServiceContext {
  /** Resolved options. */
  readonly config: ResolvedConfig;
  /** The Midtrans API client. */
  readonly client: MidtransClient;
  /**
   * The store. Its `transaction(fn)` runs after-commit work (hooks, event dispatch) once the
   * commit succeeded; open every transaction through it.
   */
  readonly store: Store;
  /** Typed listeners and the outbox. */
  readonly events: EventBus;
  /** The host's hooks, with defaults. */
  readonly hooks: ResolvedHooks;
  /** Never throws; secrets redacted. */
  readonly logger: KitLogger;
  /** The clock. */
  now(): Date;
  /** Crash points armed by the simulation test; absent in every kit a host builds. @internal */
  readonly faults?: FaultPoints;
}
