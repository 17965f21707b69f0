import Database from 'better-sqlite3';
const by = new Map<string, { ms: number; n: number }>();
const proto = Object.getPrototypeOf(new Database(':memory:').prepare('select 1'));
for (const m of ['run', 'all', 'get']) {
  const orig = proto[m];
  proto[m] = function (this: { source: string }, ...a: unknown[]) { const s = performance.now(); try { return orig.apply(this, a); } finally { const k = this.source.slice(0, 60); const e = by.get(k) ?? { ms: 0, n: 0 }; e.ms += performance.now() - s; e.n++; by.set(k, e); } };
}
process.on('beforeExit', () => { let t = 0; for (const [, e] of by) t += e.ms; console.log('total native', t.toFixed(0)); for (const [k, e] of [...by].sort((a, b) => b[1].ms - a[1].ms).slice(0, 11)) console.log(`${e.ms.toFixed(0).padStart(6)} ms ${String(e.n).padStart(6)}  ${(e.ms / e.n * 1000).toFixed(0).padStart(5)}us ${k}`); });
