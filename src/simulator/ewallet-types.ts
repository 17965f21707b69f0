/** E-wallet, QRIS and pay-later payment types (their charge fields, expiry and rules). */
import { objectAt, stringAt } from './json.js';
import { HOUR, type MethodBuild, type MethodInput, MINUTE, spec } from './method-spec.js';

/** GoPay: `actions` (QR, deeplink, status, cancel); 15-minute default expiry. */
export function gopay(input: MethodInput): MethodBuild {
  const { baseUrl, transactionId } = input;
  return {
    spec: spec('GO-PAY transaction is created', { expiryInCharge: true, refundable: true }),
    fields: {},
    chargeFields: {
      actions: [
        { name: 'generate-qr-code', method: 'GET', url: `${baseUrl}/v2/gopay/${transactionId}/qr-code` },
        { name: 'deeplink-redirect', method: 'GET', url: `${baseUrl}/pay/${transactionId}` },
        { name: 'get-status', method: 'GET', url: `${baseUrl}/v2/${transactionId}/status` },
        { name: 'cancel', method: 'POST', url: `${baseUrl}/v2/${transactionId}/cancel` },
      ],
    },
    expiryMs: 15 * MINUTE,
  };
}

/** A QRIS payload that looks like an EMV merchant-presented code (not a real one). */
export function qrString(orderId: string, amount: number): string {
  const amountText = String(amount);
  return `00020101021226620014COM.GO-JEK.WWW011893600914${orderId.replace(/\W/g, '').slice(0, 12).padEnd(12, '0')}5204599953033605802ID5913MIDTRANS SIM 6007JAKARTA54${String(amountText.length).padStart(2, '0')}${amountText}6304SIM0`;
}

/** QRIS: `actions`, `qr_string`, `acquirer`, `expire_time`; issuer known on settlement. */
export function qris(input: MethodInput): MethodBuild {
  const acquirer = stringAt(objectAt(input.request, 'qris'), 'acquirer') ?? 'gopay';
  const { baseUrl, transactionId } = input;
  return {
    spec: spec('QRIS transaction is created', {
      refundable: true,
      onSettle: (txn) => {
        txn.fields.transaction_type = 'on-us';
        txn.fields.issuer = acquirer === 'gopay' ? 'gopay' : 'shopeepay';
      },
    }),
    fields: { acquirer },
    chargeFields: {
      actions: [
        { name: 'generate-qr-code', method: 'GET', url: `${baseUrl}/v2/qris/${transactionId}/qr-code` },
        {
          name: 'generate-qr-code-v2',
          method: 'GET',
          url: `${baseUrl}/v4/qris/${transactionId}/qr-code`,
        },
      ],
      qr_string: qrString(input.orderId, input.grossAmount),
    },
    expiryMs: 15 * MINUTE,
  };
}

/** ShopeePay: deeplink action; reference numbers added on settlement; no partial refund. */
export function shopeepay(input: MethodInput): MethodBuild {
  return {
    spec: spec('ShopeePay transaction is created', {
      refundable: true,
      partialRefund: false,
      onSettle: (txn, _now, unique) => {
        txn.fields.shopeepay_reference_number = String(unique).padStart(18, '1');
        txn.fields.reference_id = `DL-SIM${String(unique).padStart(14, '0')}`;
      },
    }),
    fields: {},
    chargeFields: {
      channel_response_code: '0',
      channel_response_message: 'success',
      actions: [
        { name: 'deeplink-redirect', method: 'GET', url: `${input.baseUrl}/pay/${input.transactionId}` },
      ],
    },
    expiryMs: 15 * MINUTE,
  };
}

/** Akulaku / Kredivo: a `redirect_url` to the lender's page; 2-hour default expiry. */
export function redirectLender(name: 'akulaku' | 'kredivo', message: string) {
  return (input: MethodInput, errors: string[]): MethodBuild | undefined => {
    if (
      name === 'akulaku' &&
      (!Array.isArray(input.request.item_details) || !input.request.customer_details)
    ) {
      errors.push('item_details and customer_details are required for akulaku');
      return undefined;
    }
    return {
      spec: spec(message, { merchantIdInCharge: false, refundable: true }),
      fields: {},
      chargeFields: {
        redirect_url: `${input.baseUrl}/v2/${name}/redirect/${input.transactionId}`,
        channel_response_code: '',
        channel_response_message: '',
      },
      expiryMs: 2 * HOUR,
    };
  };
}
