import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    coverage: {
      provider: 'v8',
      include: ['src/domain/**/*.ts'],
      // The summary, and the lines of any file not fully covered (so a CI log says where).
      reporter: ['text-summary', ['text', { skipFull: true }]],
      // The pure rules carry the money logic: every branch of them must be exercised.
      thresholds: { 'src/domain/**/*.ts': { branches: 100, functions: 100, lines: 100, statements: 100 } },
    },
  },
});
