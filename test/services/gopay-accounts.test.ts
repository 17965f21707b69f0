/**
 * GopayAccountService over the simulator on every database: link → the customer presses "Link" on
 * the simulated GoPay page → Midtrans's Pay Account notification enables the stored account (token
 * from Get Pay Account) → the owner charges it without a redirect → unlink (notification again) →
 * a charge after unlink is refused. Another owner can never charge the account; bad input and a
 * phone GoPay refuses write nothing; the token never leaves the kit.
 */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { ConflictError, ValidationError } from '../../src/errors.js';
import type { MidtransKit } from '../../src/kit.js';
import { relayablePayload } from '../../src/relay/relayed-event.js';
import { describeWithKit, itWithKit, type KitHarness } from '../support/kit-harness.js';
import { waitFor } from '../support/wait-for.js';
import { orderId, outboxEvents } from './webhook-helpers.js';

const owner = () => ({ id: `gp-${randomBytes(4).toString('hex')}` });

async function accountCount(kit: MidtransKit): Promise<number> {
  const rows: unknown[] = await kit.store.knex(kit.store.tables.gopayAccounts).select('id');
  return rows.length;
}

/** Link and activate through the simulated GoPay page, as the customer does. */
async function linkAndActivate(h: KitHarness, user: { id: string }) {
  const { gopayAccount, activationUrl } = await h.kit.gopayAccounts.link({
    phoneNumber: '81212345678',
    countryCode: '62',
    owner: user,
  });
  expect(gopayAccount).toMatchObject({ status: 'pending', userId: user.id, paymentOptionToken: null });
  const page = await fetch(String(activationUrl));
  expect(await page.text()).toContain('Link</button>');
  const pressed = await fetch(String(activationUrl), { method: 'POST', redirect: 'manual' });
  expect(pressed.status).toBe(303);
  await h.settle();
  return h.kit.gopayAccounts.get(user);
}

describeWithKit('GoPay accounts', (h) => {
  itWithKit(
    h,
    'links by notification, charges the owner without a redirect, unlinks, then refuses',
    async () => {
      const user = owner();
      const linked = await linkAndActivate(h, user);
      expect(linked).toMatchObject({
        status: 'enabled',
        accountStatus: 'ENABLED',
        paymentOptionName: 'GOPAY_WALLET',
      });
      expect(linked.paymentOptionToken).toEqual(expect.any(String));
      expect(linked.linkedAt).toBeInstanceOf(Date);
      const accountId = String(linked.accountId);
      const [event] = (await outboxEvents(h.kit, 'gopay_account.linked', linked.id)) as {
        payload: Record<string, unknown>;
      }[];
      expect(event).toBeDefined();
      // A relayed event withholds the token.
      const relayed = relayablePayload(JSON.parse(JSON.stringify(event?.payload)));
      expect(JSON.stringify(relayed)).not.toContain(String(linked.paymentOptionToken));

      const { payment, response } = await h.kit.payments.createCharge({
        orderId: orderId('GPT'),
        paymentType: 'gopay',
        grossAmount: 25_000,
        paymentOptions: { accountId },
        user,
      });
      expect(payment).toMatchObject({ status: 'paid', grossAmount: 25_000, userId: user.id });
      expect(response.transaction_status).toBe('settlement');
      const wallet = await h.kit.client.core.getPayAccount(accountId);
      expect(wallet.metadata?.payment_options?.[0]?.balance?.value).toBe('975000.00');

      const unlinked = await h.kit.gopayAccounts.unlink(user);
      expect(unlinked).toMatchObject({ status: 'disabled', paymentOptionToken: null });
      expect(unlinked.unlinkedAt).toBeInstanceOf(Date);
      await h.settle();
      expect(await outboxEvents(h.kit, 'gopay_account.unlinked', linked.id)).toHaveLength(1);
      const payments = (await h.kit.store.payments.list({ limit: 1000 })).items.length;
      await expect(
        h.kit.payments.createCharge({
          paymentType: 'gopay',
          grossAmount: 1_000,
          paymentOptions: { accountId },
          user,
        }),
      ).rejects.toMatchObject({ issues: [{ field: 'paymentOptions.accountId' }] });
      expect((await h.kit.store.payments.list({ limit: 1000 })).items).toHaveLength(payments);
    },
  );

  itWithKit(h, "refuses another owner's account, a caller's own token, and a second link", async () => {
    const user = owner();
    const linked = await linkAndActivate(h, user);
    const accountId = String(linked.accountId);
    const payments = (await h.kit.store.payments.list({ limit: 1000 })).items.length;
    const attempts = [
      { paymentOptions: { accountId }, user: owner() },
      { paymentOptions: { accountId } },
      { paymentOptions: { accountId: 'no-such-account' }, user },
      { paymentOptions: { accountId, paymentOptionToken: 'guess' }, user },
    ];
    for (const attempt of attempts) {
      const error = await h.kit.payments
        .createCharge({ paymentType: 'gopay', grossAmount: 5_000, ...attempt })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(JSON.stringify(error)).not.toContain(String(linked.paymentOptionToken));
    }
    expect((await h.kit.store.payments.list({ limit: 1000 })).items).toHaveLength(payments);
    await expect(
      h.kit.gopayAccounts.link({ phoneNumber: '81212345678', countryCode: '62', owner: user }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  itWithKit(h, 'bad input and a phone GoPay refuses write nothing', async () => {
    const before = await accountCount(h.kit);
    const bad = await h.kit.gopayAccounts
      .link({ phoneNumber: '0812', countryCode: '+62', owner: owner() })
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect((bad as ValidationError).issues.map((i) => i.field).sort()).toEqual([
      'countryCode',
      'phoneNumber',
    ]);
    const refused = await h.kit.gopayAccounts
      .link({ phoneNumber: '123450001', countryCode: '62', owner: owner() })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({
      issues: [{ field: 'phoneNumber', reason: expect.stringContaining('User Not Found') }],
    });
    expect(await accountCount(h.kit)).toBe(before);
  });

  itWithKit(h, 'a Pay Account notification for an unknown account changes nothing', async () => {
    const before = await accountCount(h.kit);
    const body = JSON.stringify({
      account_id: 'acc-unknown',
      merchant_id: 'G000000001',
      payment_type: 'gopay',
      signature_key: 'x',
      status_code: '200',
      account_status: 'ENABLED',
      status_message: 'linked',
    });
    const result = await h.kit.notifications.handle(body, {});
    expect(result).toMatchObject({ verdict: 'unknown_order', httpStatus: 404 });
    expect(result.notification?.rawBody).toBe(body);
    expect(await accountCount(h.kit)).toBe(before);
  });

  itWithKit(h, 'unlinking at GoPay (notification) stops charges; refresh reads the same truth', async () => {
    const user = owner();
    const linked = await linkAndActivate(h, user);
    const accountId = String(linked.accountId);
    await h.kit.client.core.unbindPayAccount(accountId);
    await waitFor(async () => (await h.kit.gopayAccounts.get(user)).status === 'disabled');
    expect(await h.kit.gopayAccounts.refresh(user)).toMatchObject({
      status: 'disabled',
      paymentOptionToken: null,
    });
    await expect(
      h.kit.payments.createCharge({
        paymentType: 'gopay',
        grossAmount: 1_000,
        paymentOptions: { accountId },
        user,
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    // A new link reuses the owner's row.
    const again = await h.kit.gopayAccounts.link({
      phoneNumber: '81212345678',
      countryCode: '62',
      owner: user,
    });
    expect(again.gopayAccount).toMatchObject({ id: linked.id, status: 'pending' });
    expect(again.gopayAccount.accountId).not.toBe(accountId);
  });

  itWithKit(
    h,
    'a GoPay subscription on a linked account uses the stored token, for its owner only',
    async () => {
      const user = owner();
      const linked = await linkAndActivate(h, user);
      const accountId = String(linked.accountId);
      const name = `GP-${randomBytes(3).toString('hex')}`;
      const refused = await h.kit.subscriptions
        .createSubscription({
          name,
          amount: 10_000,
          paymentType: 'gopay',
          gopayAccountId: accountId,
          user: owner(),
        })
        .catch((e: unknown) => e);
      expect(refused).toMatchObject({ issues: [{ field: 'gopayAccountId' }] });
      const { subscription } = await h.kit.subscriptions.createSubscription({
        name,
        amount: 10_000,
        paymentType: 'gopay',
        gopayAccountId: accountId,
        user,
      });
      expect(subscription).toMatchObject({ status: 'active', gopayAccountId: accountId, userId: user.id });
      expect(subscription.token).toBe(linked.paymentOptionToken);
    },
  );

  itWithKit(h, 'the owner may pay right after activating, before the notification arrives', async () => {
    // A kit that receives no notifications: only the charge's own check can see the activation.
    const kit = await h.createKit();
    const user = owner();
    const { activationUrl } = await kit.gopayAccounts.link({
      phoneNumber: '81212345678',
      countryCode: '62',
      owner: user,
    });
    const stranger = owner();
    const linked = await kit.gopayAccounts.get(user);
    await fetch(String(activationUrl), { method: 'POST', redirect: 'manual' });
    const accountId = String(linked.accountId);
    // Another user's attempt on the pending account asks Midtrans nothing and is refused.
    await expect(
      kit.payments.createCharge({
        paymentType: 'gopay',
        grossAmount: 2_000,
        paymentOptions: { accountId },
        user: stranger,
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect((await kit.gopayAccounts.get(user)).status).toBe('pending');
    const { payment } = await kit.payments.createCharge({
      paymentType: 'gopay',
      grossAmount: 2_000,
      paymentOptions: { accountId },
      user,
    });
    expect(payment.status).toBe('paid');
    expect(await kit.gopayAccounts.get(user)).toMatchObject({ status: 'enabled', accountStatus: 'ENABLED' });
    expect(await outboxEvents(kit, 'gopay_account.linked', linked.id)).toHaveLength(1);
  });
});
