// The orders page: a customer's own payments, or every payment with staff actions for staff.
import { api, badge, boot, h, methodLabel, rupiah, SETTLED, showError } from '/assets/common.js';

const session = await boot('orders');
const staff = session.user.isStaff;
const rows = document.getElementById('rows');
const message = document.getElementById('message');
document.getElementById('title').textContent = staff ? 'All orders' : 'My orders';
document.getElementById('lead').textContent = staff
  ? 'Every customer’s payments. Refund paid ones, capture authorised cards, approve or deny the ones fraud detection flagged.'
  : 'Your payments, newest first. A pending one can still be cancelled.';

/** The actions a user may take on a payment in its state (the server checks again). */
function actionsFor(payment) {
  const s = payment.status;
  const list = [];
  if (['pending', 'authorized', 'challenge'].includes(s)) list.push(['cancel', 'Cancel', 'danger']);
  if (!staff) return list;
  if (s === 'authorized') list.unshift(['capture', 'Capture', 'primary']);
  if (s === 'challenge') list.unshift(['approve', 'Approve', 'primary'], ['deny', 'Deny', 'danger']);
  // Midtrans refunds cards, e-wallets, QRIS and pay-later, not bank transfers or store payments;
  // a card only once it settled (the day after capture).
  const refundable =
    ['credit_card', 'gopay', 'shopeepay', 'qris', 'akulaku', 'kredivo'].includes(payment.paymentType) &&
    payment.transactionStatus !== 'capture';
  if (refundable && (s === 'paid' || s === 'partially_refunded')) list.push(['refund', 'Refund', 'danger']);
  return list;
}

async function act(payment, action) {
  const path = `/midtrans/payments/${encodeURIComponent(payment.orderId)}`;
  const remaining = payment.grossAmount - payment.refundedAmount;
  if (action === 'refund' && !confirm(`Refund ${rupiah(remaining)} to the customer?`)) return;
  try {
    if (action === 'refund') {
      // One key per refund intent: a second click on the same row repeats this refund, never a new one.
      payment.refundKey ??= crypto.randomUUID();
      await api(`${path}/refunds`, {
        method: 'POST',
        body: { amount: remaining, reason: 'Refunded by staff', refundKey: payment.refundKey },
      });
    } else {
      await api(`${path}/${action}`, { method: 'POST' });
    }
    message.replaceChildren();
  } catch (error) {
    showError(message, error);
  }
  await load();
}

function row(payment) {
  const item = payment.itemDetails?.[0]?.name ?? (payment.invoiceId ? 'Invoice' : '—');
  return h(
    'tr',
    { 'data-order': payment.orderId },
    h('td', { class: 'muted' }, new Date(payment.createdAt).toLocaleString()),
    h(
      'td',
      {},
      h('a', { class: 'mono', href: `/?order=${encodeURIComponent(payment.orderId)}` }, payment.orderId),
      staff ? h('div', { class: 'muted' }, `user ${payment.userId ?? '—'}`) : null,
    ),
    h('td', {}, item),
    h('td', {}, methodLabel(payment)),
    h(
      'td',
      { class: 'amount' },
      rupiah(payment.grossAmount),
      payment.refundedAmount > 0
        ? h('div', { class: 'muted' }, `refunded ${rupiah(payment.refundedAmount)}`)
        : null,
    ),
    h('td', {}, badge(payment.status)),
    h(
      'td',
      {},
      h(
        'div',
        { class: 'actions', style: 'margin:0' },
        actionsFor(payment).map(([action, label, tone]) =>
          h(
            'button',
            {
              class: `small ${tone}`,
              'data-action': action,
              onclick: (event) => {
                event.target.disabled = true;
                act(payment, action);
              },
            },
            label,
          ),
        ),
      ),
    ),
  );
}

let timer;
async function load() {
  clearTimeout(timer);
  try {
    const { items } = await api(staff ? '/api/staff/payments' : '/midtrans/payments?limit=50');
    rows.replaceChildren(
      ...(items.length
        ? items.map(row)
        : [h('tr', {}, h('td', { colspan: 7, class: 'empty' }, 'No orders yet.'))]),
    );
    // Keep pending rows fresh while someone pays them elsewhere.
    if (items.some((payment) => !SETTLED.has(payment.status))) timer = setTimeout(load, 3000);
  } catch (error) {
    showError(message, error);
  }
}

load();
