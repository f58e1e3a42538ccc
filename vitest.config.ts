import { defineConfig } from 'vitest/config';

// Two projects: `unit` (everything but the browser; fast) and `browser` (real Chromium,
// slower, longer timeouts). `npm test` runs both; `npm run test:browser` only the browser.
export default defineConfig({
  test: {
    environment: 'node',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**', '**/node_modules/**'],
          testTimeout: 10_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time keeps memory and CPU predictable on small CI machines.
          fileParallelism: false,
        },
      },
    ],
  },
});
