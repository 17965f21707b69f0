/**
 * The Midtrans wire fixtures in `test/fixtures/` (see its README): one JSON body per documented
 * request, response or notification. Every test loads them through here, so the repository
 * alone is enough to run the suite.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** The fixtures directory, inside the repository. */
export const FIXTURES_DIR = new URL('../fixtures/', import.meta.url);

/** Sandbox server key every fixture `signature_key` is computed with. */
export const FIXTURE_SERVER_KEY = 'SB-Mid-server-TEST-KEY-0000';

/** The file names of every fixture (`*.json`), sorted. */
export function fixtureNames(): string[] {
  return readdirSync(FIXTURES_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort();
}

/** One fixture's exact text, as Midtrans would put it on the wire. */
export function fixtureText(name: string): string {
  return readFileSync(new URL(name, FIXTURES_DIR), 'utf8');
}

/** One fixture, parsed. The type is the caller's claim; the contract tests check the shapes. */
export function fixture<T = unknown>(name: string): T {
  return JSON.parse(fixtureText(name)) as T;
}
