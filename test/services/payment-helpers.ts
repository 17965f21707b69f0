/** Small helpers of the payment service tests. */
import type { MidtransKit } from '../../src/kit.js';
import type { CreateChargeOptions } from '../../src/services/payments/charge-input.js';

let counter = 0;

/** A unique order id for one test. */
export function orderId(label: string): string {
  counter += 1;
  return `T-${label}-${Date.now().toString(36)}-${counter}`.slice(0, 50);
}

/** A fresh single-use card token from the simulator. */
export async function cardToken(kit: MidtransKit, card = '4811111111111114'): Promise<string> {
  const answer = await kit.client.core.cardToken({
    card_number: card,
    card_cvv: '123',
    card_exp_month: '12',
    card_exp_year: String(new Date().getFullYear() + 2),
  });
  return answer.token_id;
}

/** A customer good enough for every payment type. */
export const CUSTOMER = {
  firstName: 'Budi',
  lastName: 'Santoso',
  email: 'budi@example.com',
  phone: '08123456789',
};

/** One charge per payment type (card token filled in by the caller). */
export function chargeCases(): { name: string; input: Omit<CreateChargeOptions, 'orderId'> }[] {
  const items = [{ id: 'sku-1', name: 'Kopi', price: 25_000, quantity: 2 }];
  return [
    {
      name: 'bca va',
      input: { paymentType: 'bank_transfer', grossAmount: 50_000, paymentOptions: { bank: 'bca' } },
    },
    {
      name: 'bni va',
      input: {
        paymentType: 'bank_transfer',
        grossAmount: 50_000,
        paymentOptions: { bank: 'bni', vaNumber: '12345678' },
      },
    },
    {
      name: 'bri va',
      input: { paymentType: 'bank_transfer', grossAmount: 50_000, paymentOptions: { bank: 'bri' } },
    },
    {
      name: 'cimb va',
      input: { paymentType: 'bank_transfer', grossAmount: 50_000, paymentOptions: { bank: 'cimb' } },
    },
    {
      name: 'permata va',
      input: {
        paymentType: 'bank_transfer',
        grossAmount: 50_000,
        paymentOptions: { bank: 'permata', permataRecipientName: 'TOKO' },
      },
    },
    {
      name: 'mandiri bill',
      input: {
        paymentType: 'echannel',
        grossAmount: 50_000,
        paymentOptions: { billInfo1: 'Pay', billInfo2: 'Order' },
      },
    },
    {
      name: 'gopay',
      input: {
        paymentType: 'gopay',
        grossAmount: 50_000,
        paymentOptions: { enableCallback: true, callbackUrl: 'https://shop.example/done' },
      },
    },
    {
      name: 'shopeepay',
      input: {
        paymentType: 'shopeepay',
        grossAmount: 50_000,
        paymentOptions: { callbackUrl: 'https://shop.example/done' },
      },
    },
    {
      name: 'qris',
      input: { paymentType: 'qris', grossAmount: 50_000, paymentOptions: { acquirer: 'gopay' } },
    },
    {
      name: 'indomaret',
      input: {
        paymentType: 'cstore',
        grossAmount: 50_000,
        paymentOptions: { store: 'indomaret', message: 'Thanks' },
      },
    },
    {
      name: 'alfamart',
      input: {
        paymentType: 'cstore',
        grossAmount: 50_000,
        paymentOptions: { store: 'alfamart', alfamartFreeText1: 'Hi' },
      },
    },
    {
      name: 'akulaku',
      input: { paymentType: 'akulaku', grossAmount: 50_000, itemDetails: items, customerDetails: CUSTOMER },
    },
    {
      name: 'kredivo',
      input: { paymentType: 'kredivo', grossAmount: 50_000, itemDetails: items, customerDetails: CUSTOMER },
    },
  ];
}
