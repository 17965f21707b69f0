/**
 * `midtrans-kit/wire`: Midtrans's own snake_case JSON shapes and the mappers between them and the
 * kit's camelCase vocabulary (exported by `midtrans-kit`). A host needs this entry only when it
 * speaks to Midtrans itself, for instance through `createMidtransClient`, whose calls take and
 * return these shapes; the kit's services never show them.
 *
 * Readers (`fromWire…`) check every field and name the wire field in a `ValidationError`; writers
 * (`toWire…`) check amounts and Dates and name the camelCase field.
 * @packageDocumentation
 */

export type { WireInstructionFields } from './domain/mapping/instructions.js';
export * from './domain/mapping.js';
export { formatMidtransTime, formatMidtransTimeWithZone, parseMidtransTime } from './domain/wire-time.js';
export type * from './wire-types.js';
