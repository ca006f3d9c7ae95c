import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

/** Bundles the `latchkey` command line into one CommonJS file for Node 20+. */
export default defineConfig({
  build: {
    target: 'node20',
    outDir: 'out/cli',
    emptyOutDir: true,
    minify: false,
    sourcemap: false,
    ssr: 'src/cli/main.ts',
    rollupOptions: {
      external: ['keytar', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { format: 'cjs', entryFileNames: 'latchkey.cjs' },
    },
  },
  ssr: { noExternal: true, external: ['keytar'] },
});
