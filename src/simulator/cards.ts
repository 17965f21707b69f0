/**
 * Sandbox card numbers (docs/midtrans-wire.md §13) and what each one does, plus the card token
 * formats of §3.4. Unknown numbers that pass the Luhn check are treated as accepted.
 */

/** What happens when a card is charged. */
export type CardOutcome = 'accept' | 'deny-bank' | 'deny-fds' | 'challenge';

/** Outcome and acquirer reply for one card. */
export interface CardBehaviour {
  outcome: CardOutcome;
  channelResponseCode: string;
  channelResponseMessage: string;
}

const ACCEPT: CardBehaviour = {
  outcome: 'accept',
  channelResponseCode: '00',
  channelResponseMessage: 'Approved',
};
const DENY_BANK: CardBehaviour = {
  outcome: 'deny-bank',
  channelResponseCode: '05',
  channelResponseMessage: 'Do not honor',
};
const DENY_FDS: CardBehaviour = {
  outcome: 'deny-fds',
  channelResponseCode: '00',
  channelResponseMessage: 'Approved',
};
const CHALLENGE: CardBehaviour = {
  outcome: 'challenge',
  channelResponseCode: '00',
  channelResponseMessage: 'Approved',
};

/**
 * The documented sandbox cards. `4511 1111 1111 1117` is the simulator's own addition:
 * Midtrans documents no card that triggers an FDS challenge, so this one does.
 */
const CARDS: ReadonlyMap<string, CardBehaviour> = new Map([
  ['4811111111111114', ACCEPT],
  ['4411111111111118', ACCEPT],
  ['5211111111111117', ACCEPT],
  ['5410111111111116', ACCEPT],
  ['4556557955726624', ACCEPT],
  ['4916994064252017', ACCEPT],
  ['4024007176265022', ACCEPT],
  ['4911111111111113', DENY_BANK],
  ['4711111111111115', DENY_BANK],
  ['5111111111111118', DENY_BANK],
  ['5511111111111114', DENY_BANK],
  ['4485436455354151', DENY_BANK],
  ['4604633194219929', DENY_BANK],
  [
    '4472429869996670',
    { outcome: 'deny-bank', channelResponseCode: '51', channelResponseMessage: 'Insufficient funds' },
  ],
  ['4611111111111116', DENY_FDS],
  ['5411111111111115', DENY_FDS],
  ['4511111111111117', CHALLENGE],
]);

/** The behaviour of a card number (digits only). */
export function cardBehaviour(cardNumber: string): CardBehaviour {
  return CARDS.get(cardNumber) ?? ACCEPT;
}

/** Luhn check of a digit string. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** `masked_card` as Midtrans shows it in the 8-digit BIN era: `48111111-1114`. */
export function maskCard(cardNumber: string): string {
  return `${cardNumber.slice(0, 8)}-${cardNumber.slice(-4)}`;
}

/** A tokenised card held by the simulator (single-use token or reusable saved token). */
export interface CardTokenRecord {
  cardNumber: string;
  /** Simulator epoch ms after which the token is refused with 411. */
  expiresAt: number;
  /** Saved tokens (from `save_token_id`) may be charged many times. */
  reusable: boolean;
  used: boolean;
}
