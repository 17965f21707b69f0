/** The `midtrans-kit simulator` CLI in a child process: prints URLs, serves, exits 0 on SIGTERM. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SERVER_KEY } from './harness.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('CLI', () => {
  it('starts, prints its URLs, answers, and exits 0 on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', 'simulator', '--port', '0', '--server-key', SERVER_KEY],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const started = Date.now();
    while (!/Controls:\s+\S+/.test(output)) {
      if (Date.now() - started > 15_000) throw new Error(`CLI did not start: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const apiUrl = /API[^:]*:\s+(http:\/\/\S+)/.exec(output)?.[1];
    expect(apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(output).toMatch(/Snap:\s+http:\/\/127\.0\.0\.1:\d+\/snap\/v1/);
    const response = await fetch(`${apiUrl}/v2/nope/status`, {
      headers: { authorization: `Basic ${Buffer.from(`${SERVER_KEY}:`).toString('base64')}` },
    });
    expect(response.status).toBe(404);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('refuses to start without a server key (exit 2)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'simulator', '--port', '0'], {
      cwd: ROOT,
      stdio: 'ignore',
      env: { ...process.env, MIDTRANS_SERVER_KEY: '' },
    });
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(2);
  });
});
