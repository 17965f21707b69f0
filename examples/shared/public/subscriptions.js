// The subscription demo: create one on a sandbox card token, then disable, enable or cancel it.
import { api, badge, boot, fill, h, rupiah, showError } from '/assets/common.js';

const session = await boot('subscriptions');
const form = document.getElementById('subscription-form');
const panel = document.getElementById('subscription');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const { token } = await api('/api/card-token', { method: 'POST' });
    const { subscription } = await api('/midtrans/subscriptions', {
      method: 'POST',
      body: {
        name: `KOPI-${session.user.id.replace(/[^A-Za-z0-9]/g, '').toUpperCase()}-${Date.now().toString(36).toUpperCase()}`,
        amount: Number(form.plan.value),
        paymentType: 'credit_card',
        token,
        interval: 1,
        intervalUnit: 'month',
        maxInterval: Number(form.months.value),
        customerDetails: { firstName: session.user.name, email: session.user.email },
      },
    });
    history.replaceState(null, '', `/subscriptions?id=${encodeURIComponent(subscription.id)}`);
    show(subscription);
  } catch (error) {
    showError(document.getElementById('form-error'), error);
  }
});

async function act(subscription, action) {
  try {
    show(
      (
        await api(`/midtrans/subscriptions/${encodeURIComponent(subscription.id)}/${action}`, {
          method: 'POST',
        })
      ).subscription,
    );
  } catch (error) {
    showError(document.getElementById('form-error'), error);
  }
}

function show(subscription) {
  const buttons = [];
  if (subscription.status === 'active')
    buttons.push(['disable', 'Pause', 'secondary'], ['cancel', 'Cancel', 'danger']);
  if (subscription.status === 'inactive')
    buttons.push(['enable', 'Resume', 'primary'], ['cancel', 'Cancel', 'danger']);
  fill(
    panel,
    h('h2', {}, subscription.name),
    h('div', { class: 'status-line', 'data-testid': 'subscription-status' }, badge(subscription.status)),
    h(
      'dl',
      { class: 'kv', style: 'margin-top:14px' },
      h('dt', {}, 'Amount'),
      h(
        'dd',
        {},
        `${rupiah(subscription.amount)} every ${subscription.interval} ${subscription.intervalUnit}`,
      ),
      h('dt', {}, 'Charges'),
      h('dd', {}, `${subscription.chargeCount} of ${subscription.maxInterval ?? '∞'}`),
      h('dt', {}, 'Next charge'),
      h(
        'dd',
        {},
        subscription.nextExecutionAt ? new Date(subscription.nextExecutionAt).toLocaleString() : '—',
      ),
    ),
    h(
      'div',
      { class: 'actions' },
      buttons.map(([action, label, tone]) =>
        h('button', { class: tone, onclick: () => act(subscription, action) }, label),
      ),
    ),
  );
}

const id = new URLSearchParams(location.search).get('id');
if (id)
  api(`/midtrans/subscriptions/${encodeURIComponent(id)}`).then(
    ({ subscription }) => show(subscription),
    (error) => showError(panel, error),
  );
