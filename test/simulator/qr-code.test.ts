/**
 * The `generate-qr-code` action URL answers a PNG of the QR code (issue 19, item 4.4).
 *
 * docs.midtrans.com/reference/qris and the GoPay charge page: the charge answers `actions` whose
 * `generate-qr-code` URL (GET) gives the QR image to show the customer; QRIS also answers the
 * `qr_string` it encodes. Checked here: a valid PNG (signature, chunk CRCs, IHDR size, IDAT
 * inflates to the image), and its pixels are exactly the module matrix `uqr` makes of `qr_string`.
 */
import { crc32, inflateSync } from 'node:zlib';
import { encode } from 'uqr';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.js';
import { call, chargeBody, startTestSimulator } from './harness.js';

let sim: Simulator;
beforeEach(async () => {
  sim = await startTestSimulator();
});
afterEach(async () => {
  await sim.close();
});

interface Png {
  width: number;
  height: number;
  pixels: Buffer;
}

/** Read an 8-bit greyscale, unfiltered PNG, checking every chunk's CRC. */
function readPng(bytes: Buffer): Png {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks: { type: string; data: Buffer }[] = [];
  let at = 8;
  while (at < bytes.length) {
    const length = bytes.readUInt32BE(at);
    const typeAndData = bytes.subarray(at + 4, at + 8 + length);
    expect(bytes.readUInt32BE(at + 8 + length), 'chunk CRC').toBe(crc32(typeAndData));
    chunks.push({ type: typeAndData.subarray(0, 4).toString('ascii'), data: typeAndData.subarray(4) });
    at += 12 + length;
  }
  expect(chunks.map((chunk) => chunk.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
  const ihdr = chunks[0]?.data ?? Buffer.alloc(13);
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  expect([ihdr[8], ihdr[9], ihdr[10], ihdr[11], ihdr[12]]).toEqual([8, 0, 0, 0, 0]);
  const raw = inflateSync(chunks[1]?.data ?? Buffer.alloc(0));
  expect(raw.length).toBe((width + 1) * height);
  const pixels = Buffer.alloc(width * height);
  for (let y = 0; y < height; y += 1) {
    expect(raw[y * (width + 1)], 'filter byte').toBe(0);
    raw.copy(pixels, y * width, y * (width + 1) + 1, (y + 1) * (width + 1));
  }
  return { width, height, pixels };
}

/** Fetch an action URL (no key: an `<img>` sends none) and compare its pixels to `text`'s QR. */
async function checkQrImage(url: string, text: string): Promise<void> {
  const answer = await fetch(url);
  expect(answer.status).toBe(200);
  expect(answer.headers.get('content-type')).toBe('image/png');
  const png = readPng(Buffer.from(await answer.arrayBuffer()));
  expect(png.width).toBe(png.height);
  const expected = encode(text, { ecc: 'M', border: 4 }).data;
  const scale = png.width / expected.length;
  expect(Number.isInteger(scale) && scale >= 2).toBe(true);
  for (let y = 0; y < png.height; y += 1) {
    for (let x = 0; x < png.width; x += 1) {
      const dark = expected[Math.floor(y / scale)]?.[Math.floor(x / scale)] === true;
      if (png.pixels[y * png.width + x] !== (dark ? 0 : 255)) {
        throw new Error(`pixel ${x},${y} is not the module of the QR matrix`);
      }
    }
  }
}

const actionUrl = (body: Record<string, unknown>, name: string): string => {
  const actions = body.actions as { name: string; url: string }[];
  const url = actions.find((action) => action.name === name)?.url;
  if (!url) throw new Error(`no ${name} action`);
  return url;
};

describe('generate-qr-code', () => {
  it('QRIS: v2 and v4 action URLs give a PNG of qr_string', async () => {
    const charged = await call(
      sim.apiUrl,
      'POST',
      '/v2/charge',
      chargeBody('QR-1', 25000, { payment_type: 'qris' }),
    );
    expect(charged.status).toBe(200);
    const text = String(charged.body.qr_string);
    await checkQrImage(actionUrl(charged.body, 'generate-qr-code'), text);
    await checkQrImage(actionUrl(charged.body, 'generate-qr-code-v2'), text);
  });

  it('GoPay: the action URL gives a PNG QR; an unknown id is a 404', async () => {
    const charged = await call(
      sim.apiUrl,
      'POST',
      '/v2/charge',
      chargeBody('QR-2', 30000, { payment_type: 'gopay' }),
    );
    const url = actionUrl(charged.body, 'generate-qr-code');
    const answer = await fetch(url);
    expect(answer.headers.get('content-type')).toBe('image/png');
    readPng(Buffer.from(await answer.arrayBuffer()));
    expect((await fetch(`${sim.apiUrl}/v2/gopay/no-such-id/qr-code`)).status).toBe(404);
  });
});
