/** The router inside a host app: middleware before and after it, prefixes, explicit resolveUser, OpenAPI. */
import { Validator } from '@seriousme/openapi-schema-validator';
import request from 'supertest';
import { expect, it } from 'vitest';
import { createRouteTable } from '../../src/http/index.js';
import { as, P, type Suite } from './support.js';

export function mountingCases(s: Suite): void {
  it("runs the host's middleware before the router and falls through to the host's after it", async () => {
    const res = await as(s.app, 'owner').get(`${P}/payments`);
    expect(res.status).toBe(200);
    expect(res.headers['x-host-before']).toBe('yes');
    const extra = await as(s.app, 'owner').get(`${P}/host-extra`);
    expect(extra.body).toEqual({ host: 'extra' });
    for (const miss of [
      request(s.app).get(`${P}/nothing-here`),
      request(s.app).delete(`${P}/payments`),
      request(s.app).get('/elsewhere'),
    ]) {
      const answer = await miss;
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ host: 'not found' });
    }
  });

  it('mounts under any prefix, and at the root', async () => {
    const deep = s.appFor(s.h.kit, { prefix: '/api/v1/pay' });
    await as(deep, 'owner').get('/api/v1/pay/payments').expect(200);
    const old = await as(deep, 'owner').get(`${P}/payments`);
    expect(old.body).toEqual({ host: 'not found' });
    const root = s.appFor(s.h.kit, { prefix: '/' });
    await as(root, 'owner').get('/payments').expect(200);
  });

  it('uses an explicit resolveUser', async () => {
    const app = s.appFor(s.h.kit, { explicitUser: true });
    await as(app, 'owner').get(`${P}/payments`).expect(200);
    await as(app, 'anonymous').get(`${P}/payments`).expect(401);
  });

  it('serves kit.openapi() at /openapi.json: a valid OpenAPI 3.1 document of every route', async () => {
    const res = await as(s.app, 'owner').get(`${P}/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(s.h.kit.openapi())));
    const validator = new Validator();
    const result = await validator.validate(res.body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    const operations = Object.values(
      res.body.paths as Record<string, Record<string, { operationId: string }>>,
    )
      .flatMap((item) => Object.values(item))
      .map((operation) => operation.operationId);
    expect(operations.sort()).toEqual(
      createRouteTable()
        .map((route) => route.action)
        .sort(),
    );
  });
}
