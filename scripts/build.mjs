#!/usr/bin/env node
// The production build (`npm run build`): the server and its worker bundles compiled once with
// esbuild into dist/, so `npm start` runs plain JavaScript with node (no tsx or esbuild at run
// time, nothing written into the app folder):
//   dist/server.mjs     src/server.ts and everything it imports (packages left to node_modules)
//   dist/task.mjs       the Monte Carlo worker (src/run/task.ts)
//   dist/load-task.mjs  the scenario loader's child process (src/run/load-task.ts)
// Each module's `import.meta.url` is kept as its source file's address, so paths worked out from it
// (views/, public/, node_modules/) are the same compiled as from the sources.
// Usage: node scripts/build.mjs [--if-stale]   (--if-stale: only when a source is newer than dist/)
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const stamp = join(dist, '.built');

/** The newest modification time of the sources the build reads, in milliseconds. */
function newestSource() {
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return Math.max(newest, walk(path));
      return /\.(ts|mts|json)$/.test(entry.name) ? Math.max(newest, statSync(path).mtimeMs) : newest;
    }, 0);
  const files = ['package.json', 'package-lock.json', 'scripts/build.mjs']
    .map((file) => join(root, file))
    .filter((file) => existsSync(file));
  return Math.max(walk(join(root, 'src')), ...files.map((file) => statSync(file).mtimeMs));
}

function isFresh() {
  const outputs = ['server.mjs', 'task.mjs', 'load-task.mjs', '.built'].map((file) => join(dist, file));
  if (!outputs.every((file) => existsSync(file))) return false;
  if (!existsSync(join(root, 'src'))) return true; // an install with the build and no sources
  return statSync(stamp).mtimeMs >= newestSource();
}

/** esbuild plugin: `import.meta.url` in each source module becomes that source file's URL, worked out from the bundle's place. */
const sourceUrls = {
  name: 'source-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const fromDist = relative(dist, args.path).split('\\').join('/');
      return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromDist)}, import.meta.url).href`), loader: 'ts' };
    });
  },
};

async function build() {
  const { build: esbuild } = await import('esbuild');
  mkdirSync(dist, { recursive: true });
  const common = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'error',
    define: { CLASS_BUILT: 'true' },
    plugins: [sourceUrls],
  };
  await Promise.all([
    esbuild({ ...common, entryPoints: [join(root, 'src/server.ts')], outfile: join(dist, 'server.mjs') }),
    esbuild({
      ...common,
      entryPoints: [join(root, 'src/run/task.ts')],
      outfile: join(dist, 'task.mjs'),
      footer: { js: 'export default runTask;' },
    }),
    esbuild({
      ...common,
      entryPoints: [join(root, 'src/run/load-task.ts')],
      outfile: join(dist, 'load-task.mjs'),
      footer: { js: 'export default loadTask;' },
    }),
  ]);
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}

if (process.argv.includes('--if-stale') && isFresh()) process.exit(0);
const started = Date.now();
try {
  await build();
} catch (error) {
  process.stderr.write(
    `The build failed${existsSync(dirname(stamp)) ? '' : ' (dist/ could not be made: is the app folder read-only? run npm run build where it is writable)'}: ${error.message}\n`,
  );
  process.exit(1);
}
process.stdout.write(`built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
