import knexFactory from 'knex';
import { describe, expect, it } from 'vitest';
import { limitRows } from '../../src/storage/row-limit.js';

describe('limitRows', () => {
  for (const client of ['better-sqlite3', 'mysql2', 'pg']) {
    it(`writes the limit into the SQL text on ${client} (a bound limit is slower on SQLite)`, () => {
      const knex = knexFactory({ client, useNullAsDefault: true });
      const { sql, bindings } = limitRows(knex('t').select('*').where('a', 'x'), 25).toSQL();
      expect(sql).toMatch(/limit 25$/i);
      expect(bindings).toEqual(['x']);
    });
  }

  it('refuses anything but a non-negative integer, so nothing else reaches the SQL text', () => {
    const knex = knexFactory({ client: 'better-sqlite3', useNullAsDefault: true });
    for (const bad of [1.5, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60]) {
      expect(() => limitRows(knex('t').select('*'), bad)).toThrow(RangeError);
    }
  });
});
