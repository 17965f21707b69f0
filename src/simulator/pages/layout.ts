/** The shared HTML shell of the simulator's pages: no scripts, one small inline stylesheet. */

/** Escape text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#eef2f7;color:#1d2733}
header{background:#002855;color:#fff;padding:12px 24px;font-weight:600;letter-spacing:.02em}
header small{font-weight:400;opacity:.75;margin-left:8px}
main{max-width:560px;margin:32px auto;padding:0 16px}
.card{background:#fff;border-radius:12px;box-shadow:0 2px 10px rgba(0,40,85,.08);padding:24px;margin-bottom:16px}
h1{font-size:20px;margin:0 0 4px}
.muted{color:#6b7785;font-size:13px}
.amount{font-size:26px;font-weight:700;margin:8px 0 16px}
dl{display:grid;grid-template-columns:auto 1fr;gap:6px 16px;margin:0}
dt{color:#6b7785}
dd{margin:0;font-weight:600;word-break:break-all}
.code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:18px;background:#f4f6f9;border-radius:8px;padding:10px 12px;letter-spacing:.04em;word-break:break-all}
.status{display:inline-block;border-radius:999px;padding:2px 10px;font-size:13px;font-weight:600;background:#e3e8ef}
.status.pending{background:#fff4d6;color:#8a5a00}
.status.settlement,.status.capture{background:#dcf5e4;color:#116b35}
.status.deny,.status.expire,.status.cancel,.status.failure{background:#fde2e1;color:#a1261f}
.actions{display:flex;gap:12px;margin-top:20px;flex-wrap:wrap}
button,.button{appearance:none;border:0;border-radius:8px;padding:10px 18px;font:inherit;font-weight:600;cursor:pointer;text-decoration:none;display:inline-block}
.pay{background:#0a7cff;color:#fff}
.fail{background:#fff;color:#a1261f;border:1px solid #e5b4b1}
.secondary{background:#e3e8ef;color:#1d2733}
.methods{display:grid;gap:10px}
.methods button{width:100%;text-align:left;background:#f4f6f9;color:#1d2733;border:1px solid #dde3ea}
.methods button:hover{border-color:#0a7cff}
label{display:block;font-size:13px;color:#6b7785;margin:12px 0 4px}
input{width:100%;font:inherit;padding:9px 12px;border:1px solid #cfd7e1;border-radius:8px}
.error{color:#a1261f;font-weight:600}
`;

/** A full page. `body` is trusted HTML built with {@link escapeHtml}. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · Midtrans simulator</title><style>${STYLE}</style></head>
<body><header>Midtrans simulator<small>sandbox look-alike for local development</small></header>
<main>${body}</main></body></html>`;
}

/** Format IDR for display: `Rp 150.000`. */
export function rupiah(amount: number): string {
  return `Rp ${amount.toLocaleString('id-ID')}`;
}

/** A status pill. */
export function statusPill(status: string): string {
  return `<span class="status ${escapeHtml(status)}">${escapeHtml(status)}</span>`;
}
