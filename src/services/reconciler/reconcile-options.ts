/**
 * The options of one reconciler run, written once as a TypeBox schema and checked on every call:
 * a zero concurrency or a fractional batch size would otherwise stall or skew a run silently.
 */
import { type Static, Type } from '@sinclair/typebox';
import { compileInput, type InputCheck } from '../core/input-schema.js';

const DAY_MS = 86_400_000;
const ms = (description: string) =>
  Type.Optional(Type.Integer({ minimum: 0, maximum: 365 * DAY_MS, description }));

/** The options of `kit.reconciler.run`. */
export const ReconcileOptionsSchema = Type.Object(
  {
    olderThan: ms('Only payments not updated for this long, in ms. Default 300,000 (5 minutes).'),
    batchSize: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 1000, description: 'Payments claimed per batch. Default 50.' }),
    ),
    concurrency: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 64, description: 'Status calls in flight at once. Default 4.' }),
    ),
    leaseMs: ms(
      'How long a claimed payment is reserved for this run, in ms. A payment Midtrans reports unchanged keeps its lease, so it is checked again after this at the earliest. Default: `olderThan`, at least one minute (so concurrent runs never check a payment twice).',
    ),
    settledEvery: ms(
      "Paid and partly refunded payments are re-checked when they have not changed for this long, in ms: refunds and chargebacks made in Midtrans's dashboard, or whose notification was lost, reach the record this way. Default 86,400,000 (one day).",
    ),
    settledFor: ms('Settled payments are re-checked only while younger than this, in ms. Default 30 days.'),
  },
  { additionalProperties: false },
);

/** Options of one reconciler run (see {@link ReconcileOptionsSchema} for each field). */
export type ReconcileOptions = Static<typeof ReconcileOptionsSchema>;

/** The compiled check of reconciler options. */
export const reconcileOptionsCheck: InputCheck<typeof ReconcileOptionsSchema> =
  compileInput(ReconcileOptionsSchema);
