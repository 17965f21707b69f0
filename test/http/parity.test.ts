/**
 * The four mounts answer byte for byte alike: the same requests go to an Express, a Koa, a Fastify
 * app and the fetch handler (in Hono) over one kit, and status, content type, length and body text
 * must match.
 */
import type { RequestListener } from 'node:http';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestMidtrans, type TestMidtrans } from '../../src/testing/index.js';
import { buildApp } from './apps.js';
import { AS, P, type Role } from './support.js';

interface Probe {
  name: string;
  method: 'get' | 'post' | 'patch';
  path: string;
  role: Role;
  body?: string;
  type?: string;
}

const PROBES: Probe[] = [
  {
    name: 'invalid body',
    method: 'post',
    path: '/payments',
    role: 'owner',
    body: '{"grossAmount":"1","x":1}',
  },
  { name: 'broken JSON', method: 'post', path: '/payments', role: 'owner', body: '{"a":' },
  { name: 'not JSON', method: 'post', path: '/payments', role: 'owner', body: 'a=1', type: 'text/plain' },
  {
    name: 'too large',
    method: 'post',
    path: '/payments',
    role: 'owner',
    body: JSON.stringify({ m: 'x'.repeat(70_000) }),
  },
  { name: 'anonymous', method: 'get', path: '/payments', role: 'anonymous' },
  { name: 'empty list', method: 'get', path: '/payments?limit=5', role: 'owner' },
  { name: 'bad query', method: 'get', path: '/payments?limit=x', role: 'owner' },
  { name: 'missing payment', method: 'get', path: '/payments/NOPE-1', role: 'owner' },
  {
    name: 'missing subscription',
    method: 'patch',
    path: '/subscriptions/abc',
    role: 'owner',
    body: '{"amount":5}',
  },
  { name: 'malformed webhook', method: 'post', path: '/notifications', role: 'anonymous', body: '{"x":1}' },
  { name: 'openapi', method: 'get', path: '/openapi.json', role: 'owner' },
];

describe('Express, Koa, Fastify and the fetch handler answer alike', () => {
  let t: TestMidtrans;
  let apps: RequestListener[];
  beforeAll(async () => {
    t = await createTestMidtrans();
    apps = (['express', 'koa', 'fastify', 'fetch'] as const).map((adapter) => buildApp(adapter, t.kit));
  });
  afterAll(async () => t.close());

  it.each(PROBES)('$name', async (probe) => {
    const answers = await Promise.all(
      apps.map(async (app) => {
        let call = request(app)
          [probe.method](P + probe.path)
          .set(AS[probe.role]);
        if (probe.body !== undefined)
          call = call.set('content-type', probe.type ?? 'application/json').send(probe.body);
        const res = await call;
        return {
          status: res.status,
          type: res.headers['content-type'],
          length: res.headers['content-length'],
          text: res.text,
        };
      }),
    );
    for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
    expect(answers[0]?.type).toBe('application/json; charset=utf-8');
  });
});
