import { deflateSync } from 'node:zlib';
import { ProtoWriter } from '../../src/core/common/migration/protobuf';

/**
 * Small hostile inputs from the issue 10 audit, built from the format specs so every test
 * (unit, CLI subprocess, end-to-end) attacks with the same bytes.
 */

/**
 * A ~40-byte Google Authenticator export link (MigrationPayload fields 3 batch_size and 4
 * batch_index, see src/core/common/migration/decode.ts) holding one real account but declaring
 * `batchSize` parts — the link that made the old code build one array entry per declared part.
 */
export function batchLink(batchSize = 2 ** 31 - 1, batchIndex = 0): string {
  const account = new ProtoWriter()
    .bytesField(1, Uint8Array.from([0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x21, 0xde, 0xad, 0xbe, 0xef]))
    .stringField(2, 'x')
    .finish();
  const payload = new ProtoWriter()
    .bytesField(1, account)
    .varintField(2, 1)
    .varintField(3, batchSize)
    .varintField(4, batchIndex)
    .varintField(5, 7)
    .finish();
  return `otpauth-migration://offline?data=${encodeURIComponent(Buffer.from(payload).toString('base64'))}`;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/**
 * A valid-looking PNG (PNG spec §5: signature, IHDR, IDAT, IEND with correct CRCs) that declares
 * `width` × `height` 8-bit grey pixels but carries only a few kilobytes of zlib data: a decoder
 * that trusts the header allocates width·height·4 bytes before finding out.
 */
export function declaredPng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // bit depth 8, colour type 0 (grey), deflate, filter 0, no interlace
  const rows = Buffer.alloc(Math.min(height, 64) * (width + 1));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
