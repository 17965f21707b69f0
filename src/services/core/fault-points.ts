/**
 * Crash points for the simulation test. A service calls `reachFault(ctx, name)` at each await
 * between committing a record and applying Midtrans's answer: the moments where a killed process
 * leaves work half done. When the context has no `faults` (every kit a host builds) it costs one
 * property read. A test that arms a point returns a promise that never settles, so no catch or
 * finally runs after it, exactly as if the process had been killed there.
 *
 * Internal: not part of the public options.
 */

/** Named crash points; `at` may return a promise that never settles ("the process died here"). */
export interface FaultPoints {
  /** Called when a service reaches `point`. */
  at(point: string): Promise<void> | void;
}

/** The points the services call, for the tests that arm them. */
export const FAULT_POINTS = [
  'charge.recorded',
  'charge.answered',
  'snap.recorded',
  'snap.answered',
  'refund.reserved',
  'refund.answered',
  'operation.answered',
  'invoice.recorded',
  'invoice.answered',
  'subscription.recorded',
  'subscription.answered',
] as const;

/** A fault point name. */
export type FaultPoint = (typeof FAULT_POINTS)[number];

/** Reach a fault point: nothing unless a test armed `ctx.faults`. */
export async function reachFault(ctx: { readonly faults?: FaultPoints }, point: FaultPoint): Promise<void> {
  if (ctx.faults !== undefined) await ctx.faults.at(point);
}
