/**
 * zxing-wasm (ZXing C++ compiled to WebAssembly) as the independent peer for recall and speed.
 * The .wasm is read from node_modules, never fetched: `prepareZXingModule` with `wasmBinary`
 * (zxing-wasm README, "Integrating in Non-Web Runtimes").
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

let ready: Promise<unknown> | null = null;

function prepare(): Promise<unknown> {
  if (!ready) {
    const require = createRequire(import.meta.url);
    const bytes = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
    const wasmBinary = bytes.buffer.slice(
      bytes.byteOffset,
      bytes.byteOffset + bytes.byteLength,
    ) as ArrayBuffer;
    ready = prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
  }
  return ready;
}

/** Every QR text zxing-wasm finds in an RGBA frame (multi-symbol, inverted codes included). */
export async function zxingTexts(image: {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}): Promise<string[]> {
  await prepare();
  const data = new Uint8ClampedArray(
    image.data.buffer,
    image.data.byteOffset,
    image.width * image.height * 4,
  );
  const results = await readBarcodes(
    { data, width: image.width, height: image.height, colorSpace: 'srgb' } as unknown as Parameters<
      typeof readBarcodes
    >[0],
    { formats: ['QRCode'], maxNumberOfSymbols: 255, tryInvert: true, tryHarder: true },
  );
  return results.filter((r) => r.isValid).map((r) => r.text);
}
