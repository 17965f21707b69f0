/**
 * Card tokens and GoPay pay accounts (account linking).
 */
import type {
  WireCardTokenResponse,
  WirePayAccountRequest,
  WirePayAccountResponse,
} from '../../wire-types.js';
import type { CardToken, PayAccount, PayAccountCreateRequest, PayAccountOption } from '../types.js';
import { actionFromWire } from './instructions.js';
import {
  optArray,
  optObject,
  optOneOf,
  optString,
  reqAmount,
  reqBool,
  reqObject,
  reqOneOf,
  reqString,
} from './read.js';
import { compact, maybe, outAmount } from './write.js';

const ACCOUNT_STATUS = {
  PENDING: 'PENDING',
  EXPIRED: 'EXPIRED',
  ENABLED: 'ENABLED',
  DISABLED: 'DISABLED',
} as const;
const GOPAY = { GOPAY: 'gopay' } as const;

type WirePayOption = NonNullable<NonNullable<WirePayAccountResponse['metadata']>['payment_options']>[number];

/** Read a card-token response. */
export function fromWireCardToken(wire: WireCardTokenResponse): CardToken {
  reqObject(wire, 'body');
  return compact({
    statusCode: reqString(wire.status_code, 'status_code'),
    statusMessage: reqString(wire.status_message, 'status_message'),
    tokenId: reqString(wire.token_id, 'token_id'),
    hash: optString(wire.hash, 'hash'),
  });
}

/** Write a card-token response (the simulator's side). */
export function toWireCardToken(token: CardToken): WireCardTokenResponse {
  return compact({
    status_code: token.statusCode,
    status_message: token.statusMessage,
    token_id: token.tokenId,
    hash: token.hash,
  });
}

/** Build a `POST /v2/pay/account` body. */
export function toWirePayAccountRequest(request: PayAccountCreateRequest): WirePayAccountRequest {
  return {
    payment_type: 'gopay',
    gopay_partner: compact({
      phone_number: request.phoneNumber,
      country_code: request.countryCode,
      redirect_url: request.redirectUrl,
    }),
  };
}

/** Read a `POST /v2/pay/account` body. */
export function fromWirePayAccountRequest(wire: WirePayAccountRequest): PayAccountCreateRequest {
  reqObject(wire, 'body');
  reqOneOf(wire.payment_type, GOPAY, 'payment_type');
  const partner = reqObject(wire.gopay_partner, 'gopay_partner');
  return compact({
    phoneNumber: reqString(partner.phone_number, 'gopay_partner.phone_number'),
    countryCode: reqString(partner.country_code, 'gopay_partner.country_code'),
    redirectUrl: optString(partner.redirect_url, 'gopay_partner.redirect_url'),
  });
}

function optionFromWire(value: unknown, path: string): PayAccountOption {
  const wire = reqObject(value, path);
  const balance = maybe(wire.balance, (v) => {
    const money = reqObject(v, `${path}.balance`);
    return {
      value: reqAmount(money.value, `${path}.balance.value`),
      currency: reqString(money.currency, `${path}.balance.currency`),
    };
  });
  return compact({
    name: reqString(wire.name, `${path}.name`),
    active: reqBool(wire.active, `${path}.active`),
    balance,
    metadata: optObject(wire.metadata, `${path}.metadata`),
    token: reqString(wire.token, `${path}.token`),
  });
}

function optionToWire(option: PayAccountOption, index: number): WirePayOption {
  return compact({
    name: option.name,
    active: option.active,
    balance: maybe(option.balance, (balance) => ({
      value: outAmount(balance.value, `paymentOptions.${index}.balance.value`),
      currency: balance.currency,
    })),
    metadata: option.metadata,
    token: option.token,
  });
}

/** Read a pay-account create or get response. */
export function fromWirePayAccount(wire: WirePayAccountResponse): PayAccount {
  reqObject(wire, 'body');
  const metadata = maybe(wire.metadata, (v) => reqObject(v, 'metadata'));
  return compact({
    statusCode: reqString(wire.status_code, 'status_code'),
    paymentType: reqString(wire.payment_type, 'payment_type'),
    accountId: optString(wire.account_id, 'account_id'),
    accountStatus: optOneOf(wire.account_status, ACCOUNT_STATUS, 'account_status'),
    actions: optArray(wire.actions, 'actions', actionFromWire),
    paymentOptions: optArray(metadata?.payment_options, 'metadata.payment_options', optionFromWire),
    channelResponseCode: optString(wire.channel_response_code, 'channel_response_code'),
    channelResponseMessage: optString(wire.channel_response_message, 'channel_response_message'),
  });
}

/** Write a pay-account response (the simulator's side). */
export function toWirePayAccount(account: PayAccount): WirePayAccountResponse {
  return compact({
    status_code: account.statusCode,
    payment_type: account.paymentType,
    account_id: account.accountId,
    account_status: account.accountStatus,
    actions: account.actions?.map((action) => ({ ...action })),
    metadata: maybe(account.paymentOptions, (options) => ({ payment_options: options.map(optionToWire) })),
    channel_response_code: account.channelResponseCode,
    channel_response_message: account.channelResponseMessage,
  });
}
