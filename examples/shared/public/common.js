// Helpers every page uses: JSON calls, the header with the demo login, money and status labels.

/** Call a JSON route; throws an Error with the server's message on a non-2xx answer. */
export async function api(path, { method = 'GET', body } = {}) {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    const details = (data.error?.details ?? []).map((d) => `${d.field} ${d.reason}`).join(', ');
    throw new Error([data.error?.message ?? `HTTP ${response.status}`, details].filter(Boolean).join(': '));
  }
  return data;
}

/** Create an element: h('div', { class: 'x' }, 'text', child…). */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child !== undefined && child !== null && child !== false) node.append(child);
  }
  return node;
}

export const rupiah = (amount) => `Rp ${Number(amount).toLocaleString('id-ID')}`;

const STATUS = {
  created: ['Created', ''],
  pending: ['Waiting for payment', 'warn'],
  challenge: ['Under review', 'info'],
  authorized: ['Authorised', 'info'],
  paid: ['Paid', 'ok'],
  denied: ['Denied', 'bad'],
  cancelled: ['Cancelled', 'bad'],
  expired: ['Expired', 'bad'],
  failed: ['Failed', 'bad'],
  partially_refunded: ['Partially refunded', 'info'],
  refunded: ['Refunded', 'info'],
  partially_charged_back: ['Partially charged back', 'bad'],
  charged_back: ['Charged back', 'bad'],
  unknown: ['Unknown', ''],
  overdue: ['Overdue', 'warn'],
  voided: ['Voided', 'bad'],
  active: ['Active', 'ok'],
  inactive: ['Inactive', ''],
  disabled: ['Paused', ''],
  draft: ['Draft', ''],
};

/** A status badge: the label people read, coloured by outcome. */
export function badge(status) {
  const [label, tone] = STATUS[status] ?? [status, ''];
  return h('span', { class: `badge ${tone}`, 'data-status': status }, label);
}

/** Statuses after which nothing more will happen without someone acting. */
export const SETTLED = new Set([
  'paid',
  'denied',
  'cancelled',
  'expired',
  'failed',
  'refunded',
  'charged_back',
]);

/** Payment method names for people. */
export function methodLabel(payment) {
  const type = payment.paymentType;
  if (type === 'bank_transfer') return `${String(payment.bank ?? '').toUpperCase()} VA`;
  if (type === 'echannel') return 'Mandiri bill';
  if (type === 'cstore') return payment.store === 'alfamart' ? 'Alfamart' : 'Indomaret';
  if (type === 'credit_card') return 'Card';
  if (type === 'qris') return 'QRIS';
  if (type === 'gopay') return 'GoPay';
  if (type === null && payment.snapToken) return 'Snap (not chosen yet)';
  return type ?? '—';
}

/**
 * Load the session and draw the header. Without a signed-in user, go to the login page.
 * Resolves with the session (user, products, mode, simulatorUrl).
 */
export async function boot(active) {
  const session = await api('/api/session');
  if (session.user === null && active !== 'login') {
    location.href = `/login?next=${encodeURIComponent(location.pathname + location.search)}`;
    return new Promise(() => {});
  }
  const links = [
    ['/', 'Shop', 'shop'],
    ['/orders', session.user?.isStaff ? 'All orders' : 'My orders', 'orders'],
    ['/invoices', 'Invoices', 'invoices'],
    ['/subscriptions', 'Subscriptions', 'subscriptions'],
    // The kit's staff dashboard, mounted at /admin by both apps.
    ...(session.user?.isStaff ? [['/admin', 'Dashboard', 'admin']] : []),
  ];
  const logout = async () => {
    await api('/api/logout', { method: 'POST' });
    location.href = '/login';
  };
  const header = h(
    'header',
    { class: 'top' },
    h(
      'div',
      { class: 'bar' },
      h('a', { class: 'brand', href: '/' }, h('img', { src: '/assets/logo.svg', alt: '' }), 'Toko Nusantara'),
      h(
        'nav',
        {},
        session.user
          ? links.map(([href, label, key]) => h('a', { href, class: key === active ? 'active' : '' }, label))
          : [],
      ),
      h(
        'div',
        { class: 'who' },
        h(
          'span',
          { class: 'mode', title: 'Where payments go' },
          session.mode === 'simulator' ? 'Local simulator' : 'Midtrans sandbox',
        ),
        session.user
          ? [
              h('span', { 'data-testid': 'current-user' }, session.user.name),
              h('button', { onclick: logout }, 'Switch user'),
            ]
          : [],
      ),
    ),
  );
  document.body.prepend(header);
  return session;
}

/** Show an error message in `target`. */
export function showError(target, error) {
  target.replaceChildren(
    h('p', { class: 'error', role: 'alert' }, error instanceof Error ? error.message : String(error)),
  );
}

/** Replace the children of `target` (nested lists and nulls allowed, as in `h`). */
export function fill(target, ...children) {
  target.replaceChildren(
    ...children.flat(Infinity).filter((child) => child !== undefined && child !== null && child !== false),
  );
}
