/** The dashboard's whole stylesheet, served at `<mount>/style.css` (a file, so the CSP can forbid inline styles). */
export const STYLESHEET = `
:root { --fg:#1d2330; --muted:#5b6475; --line:#d9dde5; --bg:#f6f7f9; --accent:#0b5cad; --ok:#17703a; --bad:#a4262c; --warn:#8a5a00; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:var(--fg); background:var(--bg); }
header { background:#14213d; color:#fff; padding:.6rem 1.2rem; display:flex; gap:1.2rem; align-items:center; flex-wrap:wrap; }
header strong { font-size:1rem; }
header a { color:#dfe7f5; text-decoration:none; }
header a[aria-current="page"] { color:#fff; text-decoration:underline; }
header .who { margin-left:auto; color:#b8c4d8; font-size:.85rem; }
main { padding:1rem 1.2rem 3rem; max-width:1280px; }
h1 { font-size:1.35rem; margin:.2rem 0 1rem; }
h2 { font-size:1.05rem; margin:1.6rem 0 .5rem; }
a { color:var(--accent); }
table { border-collapse:collapse; width:100%; background:#fff; border:1px solid var(--line); }
th, td { text-align:left; padding:.35rem .55rem; border-bottom:1px solid var(--line); vertical-align:top; }
th { background:#eef1f5; font-weight:600; white-space:nowrap; }
td.num, th.num { text-align:right; white-space:nowrap; }
tfoot td { font-weight:600; background:#f3f5f8; }
dl.fields { display:grid; grid-template-columns:max-content 1fr; gap:.2rem 1rem; background:#fff; border:1px solid var(--line); padding:.7rem; margin:0; }
dl.fields dt { color:var(--muted); }
dl.fields dd { margin:0; word-break:break-all; }
pre { background:#fff; border:1px solid var(--line); padding:.6rem; overflow:auto; max-height:24rem; font-size:12px; margin:.3rem 0; }
form.filters { display:flex; flex-wrap:wrap; gap:.6rem; align-items:end; margin-bottom:1rem; background:#fff; border:1px solid var(--line); padding:.6rem; }
label { display:flex; flex-direction:column; font-size:.8rem; color:var(--muted); gap:.15rem; }
label.check { flex-direction:row; align-items:center; gap:.3rem; }
input, select, button { font:inherit; padding:.3rem .45rem; border:1px solid #b9c0cc; border-radius:4px; background:#fff; color:var(--fg); }
button { background:var(--accent); color:#fff; border-color:var(--accent); cursor:pointer; }
button.danger { background:var(--bad); border-color:var(--bad); }
.actions { display:flex; flex-wrap:wrap; gap:.8rem; }
form.action { background:#fff; border:1px solid var(--line); padding:.6rem; display:flex; flex-wrap:wrap; gap:.5rem; align-items:end; }
.flash { padding:.6rem .8rem; border-radius:4px; margin-bottom:1rem; border:1px solid; }
.flash.ok { color:var(--ok); background:#e9f6ee; }
.flash.error { color:var(--bad); background:#fbeaea; }
.badge { display:inline-block; padding:0 .45rem; border-radius:999px; font-size:.78rem; background:#e6e9ef; white-space:nowrap; }
.badge.paid, .badge.applied, .badge.succeeded, .badge.active { background:#dcf1e3; color:var(--ok); }
.badge.pending, .badge.created, .badge.unknown, .badge.challenge { background:#fbefd5; color:var(--warn); }
.badge.failed, .badge.denied, .badge.rejected_signature, .badge.rejected_amount_mismatch, .badge.unknown_order, .badge.malformed { background:#f9dede; color:var(--bad); }
.cards { display:grid; grid-template-columns:repeat(auto-fit, minmax(12rem, 1fr)); gap:.8rem; }
.card { background:#fff; border:1px solid var(--line); padding:.8rem; }
.card .value { font-size:1.4rem; font-weight:600; }
.muted { color:var(--muted); }
.pager { margin-top:.8rem; }
`;
