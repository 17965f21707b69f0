/**
 * GoPay account routes over HTTP: the owner links, activates on the simulated GoPay page, sees
 * the account (never its token) and pays with it through `POST /payments`; another customer
 * cannot see, unlink or charge it (404 / 400, nothing charged); after unlinking nobody can charge it.
 */
import { expect, it } from 'vitest';
import { as, P, type Suite } from './support.js';

export function gopayAccountCases(s: Suite): void {
  it("POST /gopay-accounts, activate, GET (?refresh=true), pay with it; another customer's account is 404", async () => {
    const created = await as(s.app, 'owner')
      .post(`${P}/gopay-accounts`)
      .send({ phoneNumber: '81212345678', countryCode: '62' });
    expect(created.status, created.text).toBe(201);
    const { gopayAccount, activationUrl } = created.body;
    expect(gopayAccount).toMatchObject({ status: 'pending' });
    expect(gopayAccount).not.toHaveProperty('paymentOptionToken');
    const path = `${P}/gopay-accounts/${gopayAccount.id}`;
    expect((await as(s.app, 'other').get(path)).status).toBe(404);
    expect((await as(s.app, 'other').post(`${path}/unlink`)).status).toBe(404);
    expect((await as(s.app, 'anonymous').get(path)).status).toBe(401);

    await fetch(String(activationUrl), { method: 'POST', redirect: 'manual' });
    await s.h.settle();
    const read = await as(s.app, 'owner').get(`${path}?refresh=true`);
    expect(read.status).toBe(200);
    expect(read.body.gopayAccount).toMatchObject({ status: 'enabled', paymentOptionName: 'GOPAY_WALLET' });
    const stored = await s.h.kit.gopayAccounts.get({ id: 'owner-1' });
    expect(read.text).not.toContain(String(stored.paymentOptionToken));

    const accountId = String(stored.accountId);
    const paid = await as(s.app, 'owner')
      .post(`${P}/payments`)
      .send({ paymentType: 'gopay', grossAmount: 15_000, paymentOptions: { accountId } });
    expect(paid.status, paid.text).toBe(201);
    expect(paid.body.payment).toMatchObject({ status: 'paid', grossAmount: 15_000 });
    expect(paid.text).not.toContain(String(stored.paymentOptionToken));
  });

  it("charging someone else's account or sending a token is refused; after unlink nobody can charge", async () => {
    const stored = await s.h.kit.gopayAccounts.get({ id: 'owner-1' });
    const accountId = String(stored.accountId);
    const before = (await s.h.kit.store.payments.list({ limit: 1000 })).items.length;
    const attack = await as(s.app, 'other')
      .post(`${P}/payments`)
      .send({ paymentType: 'gopay', grossAmount: 15_000, paymentOptions: { accountId } });
    expect(attack.status).toBe(400);
    expect(attack.body.error.details).toEqual([
      { field: 'paymentOptions.accountId', reason: expect.stringContaining('not an enabled GoPay account') },
    ]);
    const withToken = await as(s.app, 'owner')
      .post(`${P}/payments`)
      .send({
        paymentType: 'gopay',
        grossAmount: 15_000,
        paymentOptions: { accountId, paymentOptionToken: 'x' },
      });
    expect(withToken.status).toBe(400);
    expect((await s.h.kit.store.payments.list({ limit: 1000 })).items).toHaveLength(before);

    const unlinked = await as(s.app, 'owner').post(`${P}/gopay-accounts/${stored.id}/unlink`);
    expect(unlinked.status).toBe(200);
    expect(unlinked.body.gopayAccount.status).toBe('disabled');
    const after = await as(s.app, 'owner')
      .post(`${P}/payments`)
      .send({ paymentType: 'gopay', grossAmount: 15_000, paymentOptions: { accountId } });
    expect(after.status).toBe(400);
  });
}
