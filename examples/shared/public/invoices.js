// The invoice demo: create an invoice through the kit's routes, link to its payment page, poll it.
import { api, badge, boot, fill, h, rupiah, showError } from '/assets/common.js';

const session = await boot('invoices');
const form = document.getElementById('invoice-form');
const panel = document.getElementById('invoice');
form.customerName.value = session.user.name.replace(' (staff)', '');
form.customerEmail.value = session.user.email;
form.product.replaceChildren(
  ...session.products.map((p) => h('option', { value: p.id }, `${p.name} · ${rupiah(p.price)}`)),
);

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const product = session.products.find((p) => p.id === form.product.value);
  const dueDate = new Date(Date.now() + Number(form.due.value) * 86_400_000);
  try {
    const { invoice } = await api('/midtrans/invoices', {
      method: 'POST',
      body: {
        customerName: form.customerName.value,
        customerEmail: form.customerEmail.value,
        dueDate: dueDate.toISOString(),
        items: [
          {
            itemId: product.id,
            description: product.name,
            quantity: Number(form.quantity.value),
            price: product.price,
          },
        ],
      },
    });
    history.replaceState(null, '', `/invoices?id=${encodeURIComponent(invoice.id)}`);
    show(invoice);
  } catch (error) {
    showError(document.getElementById('form-error'), error);
  }
});

let timer;
function show(invoice) {
  fill(
    panel,
    h('h2', {}, `Invoice ${invoice.invoiceNumber}`),
    h('div', { class: 'status-line', 'data-testid': 'invoice-status' }, badge(invoice.status)),
    h(
      'dl',
      { class: 'kv', style: 'margin-top:14px' },
      h('dt', {}, 'Customer'),
      h('dd', {}, `${invoice.customerName} <${invoice.customerEmail}>`),
      h('dt', {}, 'Total'),
      h('dd', {}, rupiah(invoice.totalAmount)),
      h('dt', {}, 'Due'),
      h('dd', {}, new Date(invoice.dueDate).toLocaleDateString()),
      invoice.paidAt
        ? [h('dt', {}, 'Paid at'), h('dd', {}, new Date(invoice.paidAt).toLocaleString())]
        : null,
    ),
    invoice.paymentLinkUrl && invoice.status !== 'paid'
      ? h(
          'p',
          {},
          h(
            'a',
            { class: 'button primary', href: invoice.paymentLinkUrl, target: '_blank', rel: 'noopener' },
            'Open the payment link',
          ),
        )
      : null,
  );
  clearTimeout(timer);
  if (invoice.status === 'pending' || invoice.status === 'overdue')
    timer = setTimeout(() => load(invoice.id), 1500);
}

async function load(id) {
  try {
    show((await api(`/midtrans/invoices/${encodeURIComponent(id)}`)).invoice);
  } catch (error) {
    showError(panel, error);
  }
}

const id = new URLSearchParams(location.search).get('id');
if (id) load(id);
