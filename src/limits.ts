/**
 * Every length limit and alphabet of what the kit accepts and stores, named once. The input schemas
 * (beside each service) and the migrations' column definitions both read these, so a value the
 * schema accepts always fits its column (`test/storage/column-limits.test.ts` checks every column on
 * every database). Midtrans's own limits are in docs/midtrans-wire.md; where the docs are silent the
 * number is our choice and says so.
 *
 * A shipped migration must keep producing the same table: raise a limit only together with a new
 * migration that widens the column.
 */

/** Characters of an order id (Core API, Snap, Invoicing): letters, digits, `- _ ~ .`. */
export const ORDER_ID_PATTERN = '^[A-Za-z0-9\\-_~.]+$';
/** Longest order id Midtrans accepts on the Core API and Snap. */
export const ORDER_ID_MAX_LENGTH = 50;
/** Longest order id the Invoicing API accepts. */
export const INVOICE_ORDER_ID_MAX_LENGTH = 36;
/** Width of the order-id columns (room above Midtrans's 50 for ids Midtrans makes itself). */
export const ORDER_ID_COLUMN_LENGTH = 64;

/** Longest `Idempotency-Key` Midtrans honours; longer keys are silently ignored by Midtrans. */
export const IDEMPOTENCY_KEY_MAX_LENGTH = 46;
/** A refund key: printable ASCII without spaces, at most the idempotency-key length (it is sent as one). */
export const REFUND_KEY_PATTERN = '^[\\x21-\\x7e]+$';
/** Longest refund key (sent as the refund's Idempotency-Key as well). */
export const REFUND_KEY_MAX_LENGTH = IDEMPOTENCY_KEY_MAX_LENGTH;

/** Customer and address names, email, street, city (Midtrans: 255; our columns: 255). */
export const NAME_MAX_LENGTH = 255;
/** An email address. */
export const EMAIL_MAX_LENGTH = 255;
/** A phone number; Midtrans documents no limit, our columns hold 64 (our choice: no phone is longer). */
export const PHONE_MAX_LENGTH = 64;
/** Address lines, city and the other free text fields of an address. */
export const ADDRESS_FIELD_MAX_LENGTH = 255;
/** A postal code (our choice). */
export const POSTAL_CODE_MAX_LENGTH = 10;
/** ISO 3166-1 alpha-3 country code. */
export const COUNTRY_CODE_LENGTH = 3;

/** An order line's name (Midtrans: 50). */
export const ITEM_NAME_MAX_LENGTH = 50;
/** An order line's id, brand, category and merchant name. */
export const ITEM_FIELD_MAX_LENGTH = 255;
/** Width of the stored item-id column. */
export const ITEM_ID_COLUMN_LENGTH = 64;
/** An invoice line's description. */
export const ITEM_DESCRIPTION_MAX_LENGTH = 255;
/** Lines of one order or invoice (our choice). */
export const ITEMS_MAX_COUNT = 1000;
/** A URL (item url, Snap finish callback, notification URL). */
export const URL_MAX_LENGTH = 2048;

/** `custom_field1..3`: at most three, each at most 255 characters (Midtrans). */
export const CUSTOM_FIELDS_MAX_COUNT = 3;
/** One custom field. */
export const CUSTOM_FIELD_MAX_LENGTH = 255;
/** Free-form metadata, serialised (our choice: it is stored and echoed by every notification). */
export const METADATA_MAX_BYTES = 16 * 1024;
/** A subscription's metadata, serialised (Midtrans: under 1 KB). */
export const SUBSCRIPTION_METADATA_MAX_BYTES = 1024;

/** A subscription name: Midtrans names each charge's order `<name><32 digits>`, so 50 − 10 … 40. */
export const SUBSCRIPTION_NAME_MAX_LENGTH = 40;
/** Width of the subscription-name column. */
export const SUBSCRIPTION_NAME_COLUMN_LENGTH = 64;
/** A user id as stored (`user_id`): 191 keeps a unique index within MySQL's 767-byte limit. */
export const USER_ID_MAX_LENGTH = 191;
/** A record id made by the store (UUIDv7, 36) with room to spare. */
export const RECORD_ID_MAX_LENGTH = 64;
/** An invoice number (the prefix is at most 20 of these characters). */
export const INVOICE_NUMBER_MAX_LENGTH = 64;
/** An invoice number the host gives (our choice; generated ones have a prefix of at most 20). */
export const INVOICE_NUMBER_GIVEN_MAX_LENGTH = 40;
/** Notes printed on an invoice (our choice; sent, stored with the request). */
export const INVOICE_NOTES_MAX_LENGTH = 1000;
/** An invoice's title and its title once paid (Midtrans: 20). */
export const INVOICE_TITLE_MAX_LENGTH = 20;
/** An invoice's reference (Midtrans: 90). */
export const INVOICE_REFERENCE_MAX_LENGTH = 90;
/** Virtual accounts of one invoice (our choice). */
export const VIRTUAL_ACCOUNTS_MAX_COUNT = 10;

/** An invoice's `customerId`, the host's id of its customer (stored like a user id). */
export const CUSTOMER_ID_MAX_LENGTH = USER_ID_MAX_LENGTH;
/** A saved card token or GoPay payment-option token of a subscription. */
export const PAYMENT_TOKEN_MAX_LENGTH = 255;
/** A GoPay account id (Midtrans makes it). */
export const GOPAY_ACCOUNT_ID_MAX_LENGTH = 64;
/**
 * A GoPay phone number to link: digits without the country code or a leading 0 (Midtrans: 9 to 12
 * characters, E.164).
 */
export const GOPAY_PHONE_PATTERN = '^[1-9][0-9]{8,11}$';
/** A GoPay phone number's country code: digits only (Midtrans's samples send `62`). */
export const GOPAY_COUNTRY_CODE_PATTERN = '^[1-9][0-9]{0,3}$';
/** Why an invoice was voided (our choice; stored, not sent). */
export const VOID_REASON_MAX_LENGTH = 255;
/** A refund's reason, sent to Midtrans (Midtrans: 255). */
export const REFUND_REASON_MAX_LENGTH = 255;
/** Width of the refund-key column (room above the 46 characters a key may have). */
export const REFUND_KEY_COLUMN_LENGTH = 128;

/**
 * A payment link's order id (our choice). Each payment through it gets the order id
 * `<this>-<seconds>-<ms>` (25 characters more), which must still be a valid order id (≤ 50).
 */
export const PAYMENT_LINK_ORDER_ID_MAX_LENGTH = 25;
/** A payment link's `payment_link_id`, the customisable part of its URL (our choice; a-z, 0-9, -). */
export const PAYMENT_LINK_ID_MAX_LENGTH = 100;
/** Its alphabet. */
export const PAYMENT_LINK_ID_PATTERN = '^[a-z0-9-]+$';
/** A payment link's title shown to the customer (our choice). */
export const PAYMENT_LINK_TITLE_MAX_LENGTH = 255;
/** How many times a link may be paid (our choice; Midtrans documents no maximum). */
export const PAYMENT_LINK_USAGE_LIMIT_MAX = 1_000_000;
