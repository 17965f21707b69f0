/**
 * What the history itself knows, independent of the kit: who created which order, invoice and
 * subscription, how much was captured, and the Snap pages not yet used. The invariants compare
 * the kit's records against this and against the simulator.
 */
import type { Rng } from './prng.js';
import type { SimUser, World } from './world.js';

/** One order the history created (or tried to). */
export interface OrderModel {
  orderId: string;
  owner: string;
  gross: number;
  /** Amount a partial capture took; undefined = the whole gross amount. */
  captured?: number;
  /** Snap page still to pick a method on. */
  snapUrl?: string;
}

/** The history's own record. */
export interface Model {
  readonly seed: number;
  readonly users: SimUser[];
  readonly orders: Map<string, OrderModel>;
  /** Invoice id → owner. */
  readonly invoices: Map<string, string>;
  /** Subscription id → owner and name. */
  readonly subscriptions: Map<string, { owner: string; name: string }>;
  /** Counter for order ids. */
  next: number;
}

/** What an operation gets. */
export interface Step {
  readonly world: World;
  readonly model: Model;
  readonly rng: Rng;
}

/** Create the model: 3–5 customers and 1–2 staff. */
export function createModel(seed: number, rng: Rng): Model {
  const users: SimUser[] = [];
  const customers = rng.int(3, 5);
  for (let i = 1; i <= customers; i += 1) users.push({ id: `cust-${i}`, staff: false });
  for (let i = 1; i <= rng.int(1, 2); i += 1) users.push({ id: `staff-${i}`, staff: true });
  return { seed, users, orders: new Map(), invoices: new Map(), subscriptions: new Map(), next: 0 };
}

/** A fresh order id of this history. */
export function newOrderId(model: Model): string {
  model.next += 1;
  return `S${model.seed.toString(36)}-${model.next}`;
}

/** A random existing order, if any. */
export function someOrder(step: Step): OrderModel | undefined {
  const orders = [...step.model.orders.values()];
  return orders.length === 0 ? undefined : step.rng.pick(orders);
}

/** A random user, staff or not as asked (any when undefined). */
export function someUser(step: Step, staff?: boolean): SimUser {
  const users = step.model.users.filter((u) => staff === undefined || u.staff === staff);
  return step.rng.pick(users);
}

/** The user with this id. */
export function userById(model: Model, id: string): SimUser {
  const user = model.users.find((u) => u.id === id);
  if (user === undefined) throw new Error(`no user ${id}`);
  return user;
}
