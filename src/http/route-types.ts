/**
 * The shape of one entry of the route table. A route names its action (what `authorize` is asked
 * about), its access rule, its schemas (validation and OpenAPI both read them), how to load the
 * record it acts on and what to run.
 */
import type { Static, TSchema } from '@sinclair/typebox';
import type { KitUser } from '../services/core/hooks.js';
import type { RouteKit } from './route-kit.js';
import type { JsonSchema } from './schemas/json-schema.js';

/** Every action of the HTTP surface. */
export type RouteAction =
  | 'payments.create'
  | 'payments.snap'
  | 'payments.list'
  | 'payments.get'
  | 'payments.cancel'
  | 'payments.expire'
  | 'payments.capture'
  | 'payments.refund'
  | 'payments.approve'
  | 'payments.deny'
  | 'invoices.create'
  | 'invoices.get'
  | 'invoices.void'
  | 'paymentLinks.create'
  | 'paymentLinks.list'
  | 'paymentLinks.get'
  | 'paymentLinks.delete'
  | 'subscriptions.create'
  | 'subscriptions.get'
  | 'subscriptions.enable'
  | 'subscriptions.disable'
  | 'subscriptions.cancel'
  | 'subscriptions.update'
  | 'gopayAccounts.link'
  | 'gopayAccounts.get'
  | 'gopayAccounts.unlink'
  | 'notifications.receive'
  | 'openapi.get';

/**
 * Who may call a route:
 * - `public`: anyone (the webhook; it trusts only verified notifications);
 * - `user`: any signed-in user (creates and the user's own lists);
 * - `owner`: the record's owner; anyone else only if `authorize` allows (otherwise 404);
 * - `staff`: only if `authorize` allows (the owner gets 403, anyone else 404).
 */
export type RouteAccess = 'public' | 'user' | 'owner' | 'staff';

/** A record a route acts on: ownership is its `userId`. */
export interface OwnedResource {
  /** The owner's id (text), or null for a record made without a user. */
  readonly userId: string | null;
}

/** What a route's `run` gets, after validation and authorisation; `Body` is its validated body. */
export interface RouteContext<Body = Record<string, unknown>> {
  /** The kit. */
  kit: RouteKit;
  /** The signed-in user (absent only on public routes). */
  user: KitUser | undefined;
  /** Path parameters, validated. */
  params: Record<string, string>;
  /** Query values, validated and coerced. */
  query: Record<string, unknown>;
  /** JSON body, validated (an empty object when the route takes none). */
  body: Body;
  /** The record `load` found. */
  resource: OwnedResource | undefined;
  /** The raw body, when the adapter had it. */
  rawBody: Buffer | string | undefined;
  /** Request headers. */
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** A route's answer: status and a JSON-serialisable body. */
export interface RouteResult {
  /** HTTP status. */
  status: number;
  /** Response body (serialised by the handler). */
  body: unknown;
}

/** One entry of the route table. */
export interface RouteDefinition {
  /** HTTP method. */
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path relative to the mount point; `:name` marks a parameter. */
  path: string;
  /** The action `authorize` is asked about. */
  action: RouteAction;
  /** Who may call it. */
  access: RouteAccess;
  /** One line for the OpenAPI document and docs. */
  summary: string;
  /** OpenAPI tag. */
  tag: string;
  /** Schema of the path parameters (an object schema). */
  params?: JsonSchema;
  /** Schema of the query string (an object schema; values are coerced from text). */
  query?: JsonSchema;
  /** Schema of the JSON body; absent: the route takes no body (an empty body or `{}`). */
  body?: JsonSchema;
  /** Whether the body is the raw webhook text, passed on unparsed and unvalidated. */
  rawBody?: boolean;
  /** Status and schema of the success response. */
  response: { status: number; description: string; schema: JsonSchema };
  /** An example request body for the docs. */
  example?: unknown;
  /** Find the record the route acts on; undefined means 404. */
  load?(kit: RouteKit, params: Record<string, string>): Promise<OwnedResource | undefined>;
  /** Do the work. */
  run(ctx: RouteContext): Promise<RouteResult>;
}

/**
 * A route whose body is a service's input schema: `ctx.body` is typed from the schema
 * (`Static<S>`), which the route table validated before `run`, so no cast sits between the request
 * and the service.
 */
export interface TypedRouteDefinition<S extends TSchema> extends Omit<RouteDefinition, 'body' | 'run'> {
  /** The service's input schema (also the request body's rule and its OpenAPI). */
  body: S;
  /** Do the work with the validated, typed body. */
  run(ctx: RouteContext<Static<S>>): Promise<RouteResult>;
}

/** Declare a route whose body is a TypeBox schema; see {@link TypedRouteDefinition}. */
export function defineRoute<S extends TSchema>(route: TypedRouteDefinition<S>): RouteDefinition {
  // `run` is declared as a method, so a run taking the narrower validated body is accepted here:
  // the handler only calls it after the body passed `route.body`.
  const typed: RouteDefinition = route;
  return typed;
}
