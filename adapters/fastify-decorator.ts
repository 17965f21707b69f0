/**
 * `app.midtrans` on the host's Fastify instance: the kit itself, typed, for the host's own routes
 * (`app.midtrans.payments.createCharge(…)` in a handler). Registered at the host's level (it opts
 * out of encapsulation, as a decorator plugin does), unlike the route plugins, which stay
 * encapsulated so their raw-body parsers never reach the host's routes.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { MidtransKit } from '../src/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The midtrans-kit instance registered with `midtransFastifyKit(kit)`. */
    midtrans: MidtransKit;
  }
}

/** Decorate the host's instance with `midtrans` (the kit). Register it once, without a prefix. */
export function midtransFastifyKit(kit: MidtransKit): FastifyPluginAsync {
  const plugin: FastifyPluginAsync = async (instance) => {
    instance.decorate('midtrans', kit);
  };
  // Fastify's documented way to share a decorator with the parent: skip the plugin's own scope.
  return Object.assign(plugin, { [Symbol.for('skip-override')]: true });
}
