/** What the Fastify plugins share: raw bodies inside the plugin, and reading a Fastify request. */
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { readRawBody } from '../src/http/index.js';
import type { KitUser } from '../src/index.js';

/** How a plugin finds the signed-in user. */
export type ResolveUser<U> = (
  request: FastifyRequest,
) => U | null | undefined | Promise<U | null | undefined>;

/**
 * Inside the plugin only: every body is read as raw bytes by the kit's own reader (413 past the
 * limit in the kit's error shape, not Fastify's), whatever parsers the host registered outside.
 */
export function readBodiesRaw(instance: FastifyInstance, limit: number): void {
  instance.removeAllContentTypeParsers();
  instance.addContentTypeParser('*', async (_request: FastifyRequest, payload: NodeJS.ReadableStream) =>
    readRawBody(payload as Readable, limit),
  );
}

export function userOf<U extends KitUser>(resolveUser: ResolveUser<U> | undefined) {
  return (request: { native?: unknown }) => {
    const native = request.native as FastifyRequest;
    return resolveUser ? resolveUser(native) : (Reflect.get(native, 'user') as U | null | undefined);
  };
}

export function pathBelow(instance: FastifyInstance, request: FastifyRequest): string {
  const pathname = request.url.split('?', 1)[0] ?? '/';
  return pathname.slice(instance.prefix.length) || '/';
}

export function paramsOf(request: FastifyRequest): Record<string, string> {
  return Object.fromEntries(
    Object.entries(request.params as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
  );
}

export function queryOf(request: FastifyRequest): Record<string, unknown> {
  return request.query as Record<string, unknown>;
}

export function bodyOf(request: FastifyRequest): Buffer | undefined {
  return Buffer.isBuffer(request.body) ? request.body : undefined;
}
