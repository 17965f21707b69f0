/** Charge bodies of every payment type the kit offers, as a customer's app would send them. */
import type { Rng } from './prng.js';
import type { World } from './world.js';

/** Cards and what the simulator does with each. */
const CARDS = {
  accept: '4811111111111114',
  challenge: '4511111111111117',
  deny: '4911111111111113',
} as const;

const ITEMS = (gross: number) => [{ id: 'sku-1', name: 'Kopi', price: gross, quantity: 1 }];
const CUSTOMER = { firstName: 'Budi', lastName: 'Santoso', email: 'budi@example.com', phone: '08123456789' };

/** A `POST /payments` body for `orderId`; card charges fetch a token from the simulator first. */
export async function chargeBody(rng: Rng, world: World, orderId: string): Promise<Record<string, unknown>> {
  const grossAmount = rng.int(1, 40) * 5_000;
  const base = { orderId, grossAmount };
  const kind = rng.weighted({
    va: 4,
    echannel: 1,
    gopay: 2,
    shopeepay: 1,
    qris: 2,
    cstore: 1,
    paylater: 1,
    card: 3,
    authorize: 2,
  });
  switch (kind) {
    case 'va': {
      const bank = rng.pick(['bca', 'bni', 'bri', 'cimb', 'permata'] as const);
      return { ...base, paymentType: 'bank_transfer', paymentOptions: { bank } };
    }
    case 'echannel':
      return { ...base, paymentType: 'echannel', paymentOptions: { billInfo1: 'Pay', billInfo2: 'Order' } };
    case 'gopay':
      return { ...base, paymentType: 'gopay' };
    case 'shopeepay':
      return {
        ...base,
        paymentType: 'shopeepay',
        paymentOptions: { callbackUrl: 'https://shop.example/done' },
      };
    case 'qris':
      return { ...base, paymentType: 'qris', paymentOptions: { acquirer: 'gopay' } };
    case 'cstore':
      return {
        ...base,
        paymentType: 'cstore',
        paymentOptions: { store: rng.pick(['indomaret', 'alfamart']) },
      };
    case 'paylater':
      return {
        ...base,
        paymentType: rng.pick(['akulaku', 'kredivo']),
        itemDetails: ITEMS(grossAmount),
        customerDetails: CUSTOMER,
      };
    case 'card':
    case 'authorize': {
      const card =
        kind === 'authorize' ? CARDS.accept : CARDS[rng.weighted({ accept: 3, challenge: 2, deny: 1 })];
      const tokenId = await cardToken(world, card);
      const type = kind === 'authorize' ? { type: 'authorize' } : {};
      return { ...base, paymentType: 'credit_card', paymentOptions: { tokenId, ...type } };
    }
  }
}

async function cardToken(world: World, card: string): Promise<string> {
  const answer = await world.kit.client.core.cardToken({
    card_number: card,
    card_cvv: '123',
    card_exp_month: '12',
    card_exp_year: String(world.sim.controls.now().getUTCFullYear() + 2),
  });
  return answer.token_id;
}

/** A reusable card token, saved by a first purchase the customer made outside the kit. */
export async function savedCardToken(world: World, orderId: string): Promise<string> {
  const saved = await world.kit.client.core.charge({
    payment_type: 'credit_card',
    transaction_details: { order_id: orderId, gross_amount: 10_000 },
    credit_card: { token_id: await cardToken(world, CARDS.accept), save_token_id: true },
  });
  return String(saved.saved_token_id);
}
