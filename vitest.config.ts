import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Three projects: `unit` (everything but the browser; fast), `browser` (real Chromium, slower,
// longer timeouts) and `alone` (a timing test). `npm test` runs all; `npm run test:browser` only
// the browser. `unit` and `browser` run together, `alone` after them.

/** Workers for unit and browser alike: Vitest runs two projects together only when the counts match. */
const WORKERS = Math.max(2, availableParallelism() - 1);

export default defineConfig({
  test: {
    environment: 'node',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**', 'test/hardening/healthDuringUpload.test.ts', '**/node_modules/**'],
          testTimeout: 10_000,
          // The files share their workers' module graphs: each worker loads the app, ExcelJS, mathjs and
          // the rest once, not once a file (that loading was about half the unit run). No test file
          // changes module state it does not put back (no vi.mock, no stubbed globals); keep it so.
          isolate: false,
          // Vitest's default (cores less one) is a single worker on a 2-core CI machine.
          maxWorkers: WORKERS,
        },
      },
      {
        extends: true,
        test: {
          // A test that times the server (/health while an upload is checked) runs on its own, so what
          // it measures is the app, not the other test files sharing the two cores and the worker's heap.
          name: 'alone',
          include: ['test/hardening/healthDuringUpload.test.ts'],
          testTimeout: 10_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          // One file, which imports every suite of test/browser (see there): one Chromium at a time keeps
          // memory and CPU predictable on small CI machines, and as a single task it runs on one worker
          // beside the unit files instead of after them.
          include: ['test/browser/all.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          maxWorkers: WORKERS,
        },
      },
    ],
  },
});
