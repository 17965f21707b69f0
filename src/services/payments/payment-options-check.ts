/**
 * Per-type checks of `paymentOptions`, with camelCase field names (`paymentOptions.bank`), so a
 * host's typo or a missing bank is reported before a record is written or Midtrans is called.
 * Unknown keys are refused too: a misspelt option would otherwise be dropped silently.
 */
import { Bank, ConvenienceStore, QrisAcquirer } from '../../constants.js';
import type { FieldIssue } from '../../errors.js';

type Rule = (value: unknown) => string | undefined;
type Shape = { required: Record<string, Rule>; optional: Record<string, Rule> };

const str =
  (max?: number): Rule =>
  (v) => {
    if (typeof v !== 'string' || v.length === 0) return 'must be a non-empty string';
    return max !== undefined && v.length > max ? `must be at most ${max} characters` : undefined;
  };
const bool: Rule = (v) => (typeof v === 'boolean' ? undefined : 'must be true or false');
const oneOf =
  (values: Record<string, string>): Rule =>
  (v) =>
    Object.values(values).includes(v as string)
      ? undefined
      : `must be one of ${Object.values(values).join(', ')}`;
const digits =
  (max: number): Rule =>
  (v) =>
    typeof v === 'string' && /^[0-9]+$/.test(v) && v.length <= max ? undefined : `must be 1–${max} digits`;
const url: Rule = (v) =>
  typeof v === 'string' && URL.canParse(v) && /^https?:$/.test(new URL(v).protocol)
    ? undefined
    : 'must be an http(s) URL';
const posInt: Rule = (v) =>
  typeof v === 'number' && Number.isInteger(v) && v > 0 ? undefined : 'must be a positive integer';
const stringList: Rule = (v) =>
  Array.isArray(v) && v.every((item) => typeof item === 'string') ? undefined : 'must be a list of strings';
const object: Rule = (v) =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? undefined : 'must be an object';

const SHAPES: Readonly<Record<string, Shape>> = {
  bank_transfer: {
    required: { bank: oneOf(Bank) },
    optional: {
      vaNumber: digits(18),
      freeText: object,
      bcaSubCompanyCode: str(),
      permataRecipientName: str(20),
    },
  },
  echannel: {
    required: { billInfo1: str(10), billInfo2: str(30) },
    optional: {
      billInfo3: str(),
      billInfo4: str(),
      billInfo5: str(),
      billInfo6: str(),
      billInfo7: str(),
      billInfo8: str(),
      billKey: digits(12),
    },
  },
  credit_card: {
    required: { tokenId: str() },
    optional: {
      authentication: bool,
      saveTokenId: bool,
      type: oneOf({ AUTHORIZE: 'authorize' }),
      bank: str(),
      installmentTerm: posInt,
      bins: stringList,
      callbackType: oneOf({ JS: 'js_event', FORM: 'form' }),
      channel: str(),
    },
  },
  gopay: {
    required: {},
    optional: {
      enableCallback: bool,
      callbackUrl: url,
      accountId: str(),
      paymentOptionToken: str(),
      preAuth: bool,
      recurring: bool,
    },
  },
  shopeepay: { required: {}, optional: { callbackUrl: url } },
  qris: { required: {}, optional: { acquirer: oneOf(QrisAcquirer) } },
  cstore: {
    required: { store: oneOf(ConvenienceStore) },
    optional: {
      message: str(20),
      alfamartFreeText1: str(40),
      alfamartFreeText2: str(40),
      alfamartFreeText3: str(40),
    },
  },
  akulaku: { required: {}, optional: {} },
  kredivo: { required: {}, optional: {} },
};

const OPTIONS_REQUIRED = new Set(['bank_transfer', 'echannel', 'credit_card', 'cstore']);

/** Problems with `paymentOptions` for `paymentType` (which must already be a known type). */
export function paymentOptionIssues(paymentType: string, options: unknown): FieldIssue[] {
  const shape = SHAPES[paymentType];
  if (shape === undefined) return [];
  if (options === undefined || options === null) {
    return OPTIONS_REQUIRED.has(paymentType)
      ? [{ field: 'paymentOptions', reason: `is required for ${paymentType}` }]
      : [];
  }
  if (typeof options !== 'object' || Array.isArray(options)) {
    return [{ field: 'paymentOptions', reason: 'must be an object' }];
  }
  const given = options as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  for (const [name, rule] of Object.entries(shape.required)) {
    const reason = given[name] === undefined ? 'is required' : rule(given[name]);
    if (reason) issues.push({ field: `paymentOptions.${name}`, reason });
  }
  for (const [name, value] of Object.entries(given)) {
    if (value === undefined || Object.hasOwn(shape.required, name)) continue;
    const rule = shape.optional[name];
    const reason = rule === undefined ? `is not an option of ${paymentType}` : rule(value);
    if (reason) issues.push({ field: `paymentOptions.${name}`, reason });
  }
  issues.push(...crossFieldIssues(paymentType, given));
  return issues;
}

function crossFieldIssues(paymentType: string, o: Record<string, unknown>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (paymentType === 'bank_transfer') {
    if (o.permataRecipientName !== undefined && o.bank !== 'permata') {
      issues.push({ field: 'paymentOptions.permataRecipientName', reason: 'applies only to bank permata' });
    }
    if (o.bcaSubCompanyCode !== undefined && o.bank !== 'bca') {
      issues.push({ field: 'paymentOptions.bcaSubCompanyCode', reason: 'applies only to bank bca' });
    }
  }
  if (paymentType === 'cstore' && o.store !== 'alfamart') {
    for (const n of [1, 2, 3]) {
      if (o[`alfamartFreeText${n}`] !== undefined) {
        issues.push({
          field: `paymentOptions.alfamartFreeText${n}`,
          reason: 'applies only to store alfamart',
        });
      }
    }
  }
  return issues;
}
