/** docs/http.md carries the route reference generated from the route table. */
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { renderRouteDocs, routeLines } from './route-docs.js';

const FILE = new URL('../../docs/http.md', import.meta.url);
const START =
  '<!-- routes:start (generated from the route table: UPDATE_DOCS=1 npx vitest run test/http/docs.test.ts) -->';
const END = '<!-- routes:end -->';

it('docs/http.md lists every route as the table has it', () => {
  const text = readFileSync(FILE, 'utf8');
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  expect(from, 'the routes markers are in docs/http.md').toBeGreaterThan(-1);
  const generated = `${START}\n\n${renderRouteDocs()}\n${END}`;
  if (process.env.UPDATE_DOCS === '1') {
    writeFileSync(FILE, text.slice(0, from) + generated + text.slice(to + END.length));
    return;
  }
  expect(text.slice(from, to + END.length)).toBe(generated);
  for (const line of routeLines()) expect(text).toContain(`\`${line}\``);
});
