import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import decode, { init } from '@jsquash/webp/decode.js';
import type { RgbaImage } from './types';

/**
 * WebP with @jsquash/webp: Google's libwebp compiled to WebAssembly (Squoosh's build), so lossy,
 * lossless and extended files decode exactly as Chromium's libwebp does. The wasm is loaded from
 * the package by path, once (the bundled CLI is one file, so the wasm cannot sit beside it).
 */
let ready: Promise<void> | null = null;

function load(): Promise<void> {
  ready ??= (async () => {
    const path = createRequire(import.meta.url).resolve('@jsquash/webp/codec/dec/webp_dec.wasm');
    await init({ wasmBinary: await readFile(path) });
  })();
  return ready;
}

export async function decodeWebp(bytes: Uint8Array): Promise<RgbaImage> {
  await load();
  // A copy that owns its whole ArrayBuffer (a Node Buffer may be a view into a shared pool).
  const copy = new Uint8Array(bytes).buffer;
  const image = await decode(copy);
  return { data: image.data, width: image.width, height: image.height };
}
