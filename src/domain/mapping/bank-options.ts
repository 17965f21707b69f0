/**
 * Bank method objects of a Core API charge: `bank_transfer` (VA, incl. Permata) and `echannel` (Mandiri Bill).
 */

import { Bank } from '../../constants.js';
import type { WireBankTransfer, WireEchannel } from '../../wire-types.js';
import type { BankTransferOptions, EchannelOptions, FreeTextLine } from '../types.js';
import { optArray, optString, reqObject, reqOneOf, reqString } from './read.js';
import { compact, maybe } from './write.js';

function freeTextLine(value: unknown, path: string): FreeTextLine {
  const line = reqObject(value, path);
  return { en: reqString(line.en, `${path}.en`), id: reqString(line.id, `${path}.id`) };
}

/** Bank transfer options to the wire; Permata's recipient and BCA's sub-company nest under the bank. */
export function bankTransferToWire(options: BankTransferOptions): WireBankTransfer {
  return compact({
    bank: options.bank,
    va_number: options.vaNumber,
    free_text: options.freeText,
    bca: maybe(options.bcaSubCompanyCode, (code) => ({ sub_company_code: code })),
    permata: maybe(options.permataRecipientName, (name) => ({ recipient_name: name })),
  });
}

/** `bank_transfer` from the wire. */
export function bankTransferFromWire(value: unknown, path = 'bank_transfer'): BankTransferOptions {
  const wire = reqObject(value, path);
  const freeText = maybe(wire.free_text, (v) => {
    const text = reqObject(v, `${path}.free_text`);
    return compact({
      inquiry: optArray(text.inquiry, `${path}.free_text.inquiry`, freeTextLine),
      payment: optArray(text.payment, `${path}.free_text.payment`, freeTextLine),
    });
  });
  const bca = maybe(wire.bca, (v) => reqObject(v, `${path}.bca`));
  const permata = maybe(wire.permata, (v) => reqObject(v, `${path}.permata`));
  return compact({
    bank: reqOneOf(wire.bank, Bank, `${path}.bank`),
    vaNumber: optString(wire.va_number, `${path}.va_number`),
    freeText,
    bcaSubCompanyCode: optString(bca?.sub_company_code, `${path}.bca.sub_company_code`),
    permataRecipientName: optString(permata?.recipient_name, `${path}.permata.recipient_name`),
  });
}

const BILL_INFO_KEYS = [3, 4, 5, 6, 7, 8] as const;

/** Mandiri Bill options to the wire. */
export function echannelToWire(options: EchannelOptions): WireEchannel {
  const out: WireEchannel = { bill_info1: options.billInfo1, bill_info2: options.billInfo2 };
  for (const n of BILL_INFO_KEYS) out[`bill_info${n}`] = options[`billInfo${n}`];
  out.bill_key = options.billKey;
  return compact(out);
}

/** `echannel` from the wire. */
export function echannelFromWire(value: unknown, path = 'echannel'): EchannelOptions {
  const wire = reqObject(value, path);
  const out: EchannelOptions = {
    billInfo1: reqString(wire.bill_info1, `${path}.bill_info1`),
    billInfo2: reqString(wire.bill_info2, `${path}.bill_info2`),
  };
  for (const n of BILL_INFO_KEYS)
    out[`billInfo${n}`] = optString(wire[`bill_info${n}`], `${path}.bill_info${n}`);
  out.billKey = optString(wire.bill_key, `${path}.bill_key`);
  return compact(out);
}
