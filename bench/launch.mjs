// npm run bench: bundles bench/run.ts (the side-by-side benchmark) and bench/one.ts (one measured
// run, which run.ts starts in a child process per scenario) to plain JavaScript (esbuild, our code
// only; packages stay in node_modules) and runs run.ts with node, so no measured process carries
// a TypeScript loader. Code splitting keeps the reference kernels (which load all of mathjs) out
// until they run.
import { buildSync } from 'esbuild';

const outdir = new URL('../dist/bench/', import.meta.url).pathname;
buildSync({
  entryPoints: [new URL('./run.ts', import.meta.url).pathname, new URL('./one.ts', import.meta.url).pathname],
  outdir,
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outExtension: { '.js': '.mjs' },
  logLevel: 'error',
});
await import(`${outdir}run.mjs`);
