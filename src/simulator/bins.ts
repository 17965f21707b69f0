/**
 * `GET /v1/bins/{bin}` (BIN API): card metadata for a BIN, authorised by the server key or the
 * client key as Basic-auth username. The simulator answers from a small table of the sandbox
 * cards' BINs; the metadata values are the simulator's own (Midtrans calls its values advisory).
 * A 6-digit BIN matches the 8-digit entry it starts; anything else is the documented 404.
 */
import type { JsonObject } from '../wire-types.js';
import type { SimContext } from './context.js';
import type { SimRequest, SimResponse } from './router.js';
import { coreError } from './wire-errors.js';

/** One BIN's metadata in the wire's field names (without `bin`, which echoes the request). */
type BinEntry = Readonly<Record<string, string>>;

const INDONESIA = { country_name: 'Indonesia', country_code: 'id' } as const;

const TABLE: ReadonlyMap<string, BinEntry> = new Map<string, BinEntry>([
  [
    '48111111',
    {
      ...INDONESIA,
      brand: 'visa',
      bin_type: 'credit',
      bin_class: 'classic',
      bank_code: 'bni',
      bank: 'bank negara indonesia',
    },
  ],
  [
    '45563300',
    {
      ...INDONESIA,
      brand: 'visa',
      bin_type: 'credit',
      bin_class: 'gold',
      bank_code: 'bca',
      bank: 'bank central asia',
    },
  ],
  [
    '52111111',
    {
      ...INDONESIA,
      brand: 'mastercard',
      bin_type: 'credit',
      bin_class: 'platinum',
      bank_code: 'bri',
      bank: 'bank rakyat indonesia',
    },
  ],
  ['41111111', { brand: 'visa', bin_type: 'debit', bin_class: 'classic' }],
]);

/** The table also by 6-digit prefix, so a lookup never scans it. */
const BY_SIX: ReadonlyMap<string, BinEntry> = new Map(
  [...TABLE].map(([bin, entry]) => [bin.slice(0, 6), entry] as const),
);

/** Handle `GET /v1/bins/{bin}`. */
export function handleBin(_ctx: SimContext, req: SimRequest): SimResponse {
  const bin = req.params[0] ?? '';
  const entry = bin.length === 8 ? TABLE.get(bin) : bin.length === 6 ? BY_SIX.get(bin) : undefined;
  // The docs give only the code and meaning of a 404 ("Particular Bin does not exist"); the body
  // takes the Core API error shape (docs/simulator.md says so).
  if (!entry || !/^\d+$/.test(bin)) return coreError('404', 'Particular Bin does not exist', {}, false);
  const data: JsonObject = { ...entry, bin };
  return { status: 200, body: { data } };
}
