import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Page components are .tsx and say `// @vitest-environment happy-dom`; the rest stay in node.
    include: ['tests/unit/**/*.test.ts', 'tests/unit/renderer/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
