import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { brandIconsPlugin } from './scripts/brand-icons-plugin.mjs';

/**
 * Three builds: main (ESM, Node), preload (one CommonJS file — sandboxed preloads cannot be
 * ES modules), renderer (the React page, served from app:// in production).
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: { input: resolve('src/main/index.ts') },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: resolve('src/preload/index.ts'),
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    base: './',
    plugins: [react(), brandIconsPlugin()],
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves bundles unminified by default; the page loads faster minified.
      minify: true,
      // Two pages on one bridge contract: the main window and the quick picker (its own surface).
      rollupOptions: {
        input: {
          index: resolve('src/renderer/index.html'),
          picker: resolve('src/renderer/picker.html'),
        },
      },
      // No inline <script>/<style>: the CSP allows only 'self'.
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
    },
    worker: { format: 'es' },
  },
});
