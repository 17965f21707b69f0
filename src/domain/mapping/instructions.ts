/**
 * Payment instructions: the scattered per-method fields of a transaction (VA numbers, bill key,
 * store code, QR, links) flattened into what a payment record stores, and back.
 */
import type { WireTransaction } from '../../wire-types.js';
import type { PaymentAction, PaymentInstructions, VaNumber } from '../types.js';
import { optArray, optString, reqObject, reqString } from './read.js';
import { compact } from './write.js';

const QR_ACTION = 'generate-qr-code';
const DEEPLINK_ACTION = 'deeplink-redirect';
const PERMATA = 'permata';

/** The wire fields instructions come from and go to. */
export type WireInstructionFields = Pick<
  WireTransaction,
  | 'va_numbers'
  | 'permata_va_number'
  | 'bill_key'
  | 'biller_code'
  | 'payment_code'
  | 'store'
  | 'qr_string'
  | 'redirect_url'
  | 'actions'
>;

function vaNumberFromWire(value: unknown, path: string): VaNumber {
  const wire = reqObject(value, path);
  return {
    bank: reqString(wire.bank, `${path}.bank`),
    vaNumber: reqString(wire.va_number, `${path}.va_number`),
  };
}

/** Read one `actions[]` entry. */
export function actionFromWire(value: unknown, path: string): PaymentAction {
  const wire = reqObject(value, path);
  return {
    name: reqString(wire.name, `${path}.name`),
    method: reqString(wire.method, `${path}.method`),
    url: reqString(wire.url, `${path}.url`),
  };
}

/** Flatten a transaction's payment fields. The first VA number wins; Permata's has bank `permata`. */
export function instructionsFromWire(wire: WireTransaction): PaymentInstructions {
  const vaNumbers = optArray(wire.va_numbers, 'va_numbers', vaNumberFromWire);
  const permataVaNumber = optString(wire.permata_va_number, 'permata_va_number');
  const actions = optArray(wire.actions, 'actions', actionFromWire);
  const first = vaNumbers?.[0];
  const urlOf = (name: string) => actions?.find((action) => action.name === name)?.url;
  return compact({
    vaNumbers,
    vaNumber: first?.vaNumber ?? permataVaNumber,
    bank: first?.bank ?? (permataVaNumber === undefined ? undefined : PERMATA),
    billKey: optString(wire.bill_key, 'bill_key'),
    billerCode: optString(wire.biller_code, 'biller_code'),
    paymentCode: optString(wire.payment_code, 'payment_code'),
    store: optString(wire.store, 'store'),
    qrString: optString(wire.qr_string, 'qr_string'),
    qrCodeUrl: urlOf(QR_ACTION),
    deeplinkUrl: urlOf(DEEPLINK_ACTION),
    redirectUrl: optString(wire.redirect_url, 'redirect_url'),
    actions,
  });
}

function vaToWire(
  instructions: PaymentInstructions,
): Pick<WireTransaction, 'va_numbers' | 'permata_va_number'> {
  const { vaNumbers, vaNumber, bank } = instructions;
  if (vaNumbers !== undefined) {
    return { va_numbers: vaNumbers.map((va) => ({ bank: va.bank, va_number: va.vaNumber })) };
  }
  if (vaNumber === undefined || bank === undefined) return {};
  return bank === PERMATA ? { permata_va_number: vaNumber } : { va_numbers: [{ bank, va_number: vaNumber }] };
}

/** Actions as given, or built from the QR and deeplink URLs when a caller set only those. */
function actionsToWire(instructions: PaymentInstructions): PaymentAction[] | undefined {
  if (instructions.actions !== undefined) return instructions.actions.map((action) => ({ ...action }));
  const built: PaymentAction[] = [];
  if (instructions.qrCodeUrl !== undefined) {
    built.push({ name: QR_ACTION, method: 'GET', url: instructions.qrCodeUrl });
  }
  if (instructions.deeplinkUrl !== undefined) {
    built.push({ name: DEEPLINK_ACTION, method: 'GET', url: instructions.deeplinkUrl });
  }
  return built.length > 0 ? built : undefined;
}

/** Spread instructions back over the wire fields Midtrans uses for them. */
export function instructionsToWire(instructions: PaymentInstructions): WireInstructionFields {
  return compact({
    ...vaToWire(instructions),
    bill_key: instructions.billKey,
    biller_code: instructions.billerCode,
    payment_code: instructions.paymentCode,
    store: instructions.store,
    qr_string: instructions.qrString,
    redirect_url: instructions.redirectUrl,
    actions: actionsToWire(instructions),
  });
}
