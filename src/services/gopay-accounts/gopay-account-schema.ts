/**
 * The rule of `gopayAccounts.link`, written once as a TypeBox schema: the service checks every call
 * with it and `POST /gopay-accounts` builds its body from the same properties (without `owner`,
 * which is the signed-in user).
 */
import { Type } from '@sinclair/typebox';
import * as limits from '../../limits.js';
import type { KitUser } from '../core/hooks.js';
import { closed, compileInput, type InputCheck } from '../core/input-schema.js';

/** The fields a customer sends to link their GoPay account. */
export const gopayLinkProperties = {
  phoneNumber: Type.String({
    pattern: limits.GOPAY_PHONE_PATTERN,
    description: 'GoPay phone number without the country code or a leading 0 (9–12 digits).',
  }),
  countryCode: Type.String({ pattern: limits.GOPAY_COUNTRY_CODE_PATTERN, description: 'e.g. `62`.' }),
  redirectUrl: Type.Optional(
    Type.String({
      maxLength: limits.URL_MAX_LENGTH,
      format: 'uri',
      description: 'Where GoPay sends the customer after activating the link.',
    }),
  ),
};

/** `link`'s input as the service checks it (`owner` is the host's user, checked by hand). */
export const GopayLinkInputSchema = Type.Object(
  { ...gopayLinkProperties, owner: Type.Unsafe<KitUser>({}) },
  closed,
);

/** Input of `gopayAccounts.link` (the schema above is its rule). */
export interface LinkGopayAccountOptions {
  /** GoPay phone number without the country code or a leading 0 (9–12 digits). */
  phoneNumber: string;
  /** Its country code, e.g. `62`. */
  countryCode: string;
  /** Where GoPay sends the customer after activating the link. */
  redirectUrl?: string;
  /** The host user who will own the account. */
  owner: KitUser;
}

/** The compiled check of `link`'s input. */
export const gopayLinkCheck: InputCheck<typeof GopayLinkInputSchema> = compileInput(GopayLinkInputSchema);
