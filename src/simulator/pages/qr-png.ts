/**
 * The QR image behind the `generate-qr-code` action URLs: a PNG an `<img>` shows, encoding the
 * transaction's `qr_string`. `uqr` gives the module matrix; the PNG is written here (signature,
 * IHDR, IDAT, IEND) because only a few lines of it are needed: 8-bit greyscale, no filter.
 */
import { deflateSync } from 'node:zlib';
import { encode } from 'uqr';

/** Pixels per QR module; 21 modules (version 1) plus the border make a ~200 px image. */
export const QR_MODULE_PX = 8;
/** Quiet zone around the code in modules; the QR standard asks for four. */
export const QR_BORDER = 4;

const SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** The module matrix (`true` = dark) of `text`, quiet zone included. */
export function qrMatrix(text: string): boolean[][] {
  return encode(text, { ecc: 'M', border: QR_BORDER }).data;
}

/** A PNG of `matrix`, each module `scale` × `scale` pixels, dark modules black on white. */
export function matrixPng(matrix: readonly (readonly boolean[])[], scale = QR_MODULE_PX): Buffer {
  const side = matrix.length * scale;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  // compression, filter and interlace methods stay 0
  const stride = side + 1; // one filter byte (0 = none) starts each scanline
  const raw = Buffer.alloc(stride * side);
  for (let y = 0; y < side; y += 1) {
    const row = matrix[Math.floor(y / scale)] ?? [];
    for (let x = 0; x < side; x += 1) {
      raw[y * stride + 1 + x] = row[Math.floor(x / scale)] ? 0 : 255;
    }
  }
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** A PNG QR code of `text`. */
export function qrPng(text: string): Buffer {
  return matrixPng(qrMatrix(text));
}
