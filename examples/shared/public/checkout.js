// The checkout: create a payment through the kit's JSON routes, show how to pay, poll its status.
import { api, badge, boot, fill, h, methodLabel, rupiah, SETTLED, showError } from '/assets/common.js';

/** Each method: its group, label, and the body of POST /midtrans/payments (or Snap for cards). */
const METHODS = [
  {
    id: 'bca',
    group: 'Virtual account',
    tag: 'BCA',
    label: 'BCA Virtual Account',
    charge: { paymentType: 'bank_transfer', paymentOptions: { bank: 'bca' } },
  },
  {
    id: 'bni',
    group: 'Virtual account',
    tag: 'BNI',
    label: 'BNI Virtual Account',
    charge: { paymentType: 'bank_transfer', paymentOptions: { bank: 'bni' } },
  },
  {
    id: 'bri',
    group: 'Virtual account',
    tag: 'BRI',
    label: 'BRI Virtual Account',
    charge: { paymentType: 'bank_transfer', paymentOptions: { bank: 'bri' } },
  },
  {
    id: 'permata',
    group: 'Virtual account',
    tag: 'PMT',
    label: 'Permata Virtual Account',
    charge: { paymentType: 'bank_transfer', paymentOptions: { bank: 'permata' } },
  },
  {
    id: 'mandiri',
    group: 'Virtual account',
    tag: 'MDR',
    label: 'Mandiri Bill',
    charge: {
      paymentType: 'echannel',
      paymentOptions: { billInfo1: 'Payment:', billInfo2: 'Toko Nusantara' },
    },
  },
  {
    id: 'qris',
    group: 'E-wallet and QR',
    tag: 'QRIS',
    label: 'QRIS',
    charge: { paymentType: 'qris', paymentOptions: { acquirer: 'gopay' } },
  },
  { id: 'gopay', group: 'E-wallet and QR', tag: 'GoPay', label: 'GoPay', charge: { paymentType: 'gopay' } },
  { id: 'card', group: 'Card', tag: 'CARD', label: 'Card (through Snap)', snap: true },
  {
    id: 'card-authorize',
    group: 'Card',
    tag: 'AUTH',
    label: 'Card, authorise now (the shop captures when it ships)',
    // The sandbox test card, tokenised by the shop's demo route; a real shop tokenises in the browser.
    card: true,
    charge: { paymentType: 'credit_card', paymentOptions: { type: 'authorize' } },
  },
  {
    id: 'indomaret',
    group: 'Convenience store',
    tag: 'IDM',
    label: 'Indomaret',
    // Midtrans does not echo a store payment's expiry: set the window, and the kit keeps it.
    charge: {
      paymentType: 'cstore',
      paymentOptions: { store: 'indomaret' },
      customExpiry: { expiryDuration: 24, unit: 'hour' },
    },
  },
  {
    id: 'alfamart',
    group: 'Convenience store',
    tag: 'ALFA',
    label: 'Alfamart',
    charge: {
      paymentType: 'cstore',
      paymentOptions: { store: 'alfamart' },
      customExpiry: { expiryDuration: 24, unit: 'hour' },
    },
  },
];

/** What the customer reads while the shop, not the customer, has the next move. */
const SHOP_DECIDES = {
  authorized: 'Your card is authorised: the amount is held, and the shop captures it when your order ships.',
  challenge: 'Your card payment is being reviewed by the shop; you need to do nothing more.',
};

const session = await boot('shop');
const form = document.getElementById('order-form');
const panel = document.getElementById('payment');
let pollTimer;

function renderChoices() {
  document
    .getElementById('products')
    .replaceChildren(
      ...session.products.map((product, index) =>
        h(
          'label',
          { class: 'choice' },
          h('input', { type: 'radio', name: 'product', value: product.id, checked: index === 0 }),
          h(
            'div',
            { class: 'tile', style: `background:${product.colour}`, 'aria-hidden': 'true' },
            product.name[0],
          ),
          h('div', { class: 'name' }, product.name),
          h('div', { class: 'desc' }, product.description),
          h('div', { class: 'price' }, rupiah(product.price)),
        ),
      ),
    );
  const groups = [...new Set(METHODS.map((method) => method.group))];
  document.getElementById('methods').replaceChildren(
    ...groups.flatMap((group) => [
      h('div', { class: 'group' }, group),
      h(
        'div',
        { class: 'methods' },
        METHODS.filter((method) => method.group === group).map((method, index) =>
          h(
            'label',
            { class: 'choice' },
            h('input', {
              type: 'radio',
              name: 'method',
              value: method.id,
              checked: group === groups[0] && index === 0,
            }),
            h('span', { class: 'tag' }, method.tag),
            method.label,
          ),
        ),
      ),
    ]),
  );
  form.addEventListener('change', updateTotal);
  updateTotal();
}

function chosen() {
  const data = new FormData(form);
  return {
    product: session.products.find((product) => product.id === data.get('product')),
    method: METHODS.find((method) => method.id === data.get('method')),
  };
}

function updateTotal() {
  document.getElementById('total').textContent = rupiah(chosen().product?.price ?? 0);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const { product, method } = chosen();
  const button = document.getElementById('place-order');
  button.disabled = true;
  document.getElementById('form-error').replaceChildren();
  const common = {
    grossAmount: product.price,
    itemDetails: [{ id: product.id, name: product.name, price: product.price, quantity: 1 }],
    metadata: { productId: product.id },
    // Who pays: Midtrans shows it on its dashboard and the kit's dashboard lists it.
    customerDetails: { firstName: session.user.name.replace(/\s*\(.*\)$/, ''), email: session.user.email },
  };
  try {
    const charge = method.card
      ? {
          ...method.charge,
          paymentOptions: {
            ...method.charge.paymentOptions,
            tokenId: (await api('/api/card-token', { method: 'POST' })).token,
          },
        }
      : method.charge;
    const result = method.snap
      ? await api('/midtrans/payments/snap', {
          method: 'POST',
          body: { ...common, enabledPayments: ['credit_card'], callbacks: { finish: `${location.origin}/` } },
        })
      : await api('/midtrans/payments', { method: 'POST', body: { ...common, ...charge } });
    history.replaceState(null, '', `/?order=${encodeURIComponent(result.payment.orderId)}`);
    show(result.payment);
  } catch (error) {
    showError(document.getElementById('form-error'), error);
  } finally {
    button.disabled = false;
  }
});

/** The instructions a customer needs for this payment. */
function instructions(payment) {
  const rows = [];
  const code = (label, value, testId) =>
    rows.push(
      h('p', { class: 'muted' }, label),
      h('div', { class: 'code', 'data-testid': testId }, value, copyButton(value)),
    );
  if (payment.vaNumber)
    code(`${String(payment.bank).toUpperCase()} virtual account number`, payment.vaNumber, 'va-number');
  if (payment.billKey) {
    code('Mandiri biller code', payment.billerCode ?? '', 'biller-code');
    code('Bill key', payment.billKey, 'bill-key');
  }
  if (payment.paymentCode)
    code(
      `${payment.store === 'alfamart' ? 'Alfamart' : 'Indomaret'} payment code`,
      payment.paymentCode,
      'payment-code',
    );
  if (payment.qrString) {
    rows.push(
      h('p', { class: 'muted' }, 'QRIS string (scan with any e-wallet)'),
      h('div', { class: 'code small-code' }, payment.qrString),
    );
  }
  for (const action of payment.actions ?? []) {
    // Midtrans (and the local simulator) serve the QR as a PNG image.
    if (action.name === 'generate-qr-code') {
      rows.push(h('img', { src: action.url, alt: 'QR code to scan', width: 220, height: 220 }));
    } else if (action.name === 'deeplink-redirect') {
      rows.push(h('p', {}, h('a', { href: action.url, target: '_blank', rel: 'noopener' }, 'Open GoPay')));
    }
  }
  if (payment.redirectUrl && !SETTLED.has(payment.status)) {
    rows.push(
      h(
        'p',
        {},
        h(
          'a',
          { class: 'button primary', href: payment.redirectUrl, 'data-testid': 'redirect-link' },
          payment.snapToken ? 'Continue to payment page' : 'Continue',
        ),
      ),
    );
  }
  return rows;
}

function copyButton(value) {
  return h(
    'button',
    { type: 'button', class: 'small secondary', onclick: () => navigator.clipboard?.writeText(value) },
    'Copy',
  );
}

function show(payment) {
  const simulatorLink =
    session.simulatorUrl && payment.transactionId && !SETTLED.has(payment.status)
      ? h(
          'p',
          { class: 'muted' },
          'Testing locally? ',
          h(
            'a',
            {
              href: `${session.simulatorUrl}/pay/${encodeURIComponent(payment.orderId)}`,
              target: '_blank',
              rel: 'noopener',
              'data-testid': 'simulator-link',
            },
            "Open the simulator's pay page",
          ),
          ' to act as the customer.',
        )
      : null;
  const waiting = !SETTLED.has(payment.status);
  // Authorised and challenged cards wait for the shop, not for the customer: nothing to pay.
  const withShop = SHOP_DECIDES[payment.status];
  const customerPays = waiting && withShop === undefined;
  fill(
    panel,
    h('h2', {}, 'Your payment'),
    h(
      'div',
      { class: 'status-line', 'data-testid': 'payment-status' },
      waiting ? h('span', { class: 'pulse' }) : null,
      badge(payment.status),
    ),
    h(
      'dl',
      { class: 'kv', style: 'margin-top:14px' },
      h('dt', {}, 'Order'),
      h('dd', { 'data-testid': 'order-id' }, payment.orderId),
      h('dt', {}, 'Amount'),
      h('dd', {}, rupiah(payment.grossAmount)),
      h('dt', {}, 'Method'),
      h('dd', {}, methodLabel(payment)),
      payment.expiryTime && customerPays
        ? [
            h('dt', {}, 'Pay before'),
            h('dd', { 'data-testid': 'pay-before' }, new Date(payment.expiryTime).toLocaleString()),
          ]
        : null,
    ),
    customerPays
      ? instructions(payment)
      : h(
          'p',
          { 'data-testid': 'payment-note' },
          withShop ?? (payment.status === 'paid' ? 'Thank you! Your order is on its way.' : ''),
        ),
    customerPays ? simulatorLink : null,
    h('p', {}, h('a', { href: '/orders' }, 'See all my orders →')),
  );
  clearTimeout(pollTimer);
  // Poll the shop's own record: it changes only when the webhook lands (or staff act).
  if (waiting) pollTimer = setTimeout(() => poll(payment.orderId), 1000);
}

async function poll(orderId) {
  try {
    const { payment } = await api(`/midtrans/payments/${encodeURIComponent(orderId)}`);
    show(payment);
  } catch {
    pollTimer = setTimeout(() => poll(orderId), 3000);
  }
}

renderChoices();
const resume =
  new URLSearchParams(location.search).get('order') ?? new URLSearchParams(location.search).get('order_id');
if (resume) poll(resume);
