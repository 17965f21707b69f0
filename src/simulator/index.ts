/**
 * `midtrans-kit/simulator`: a local Midtrans for development and tests. Same paths, auth,
 * response and error shapes as Midtrans, in-memory state, signed notifications with
 * Midtrans's retry schedule, a movable clock, fault injection and HTML pages.
 */
export type { NowOption } from './clock.js';
export { CONTROL_PREFIX } from './control-routes.js';
export { SimulatorControlError } from './controls.js';
export { startSimulator } from './server.js';
export type {
  DeliveryAttempt,
  NotificationFault,
  NotificationRetryOptions,
  RequestFault,
  SeededTransaction,
  Simulator,
  SimulatorControls,
  SimulatorOptions,
  SimulatorTransactionSnapshot,
} from './types.js';
