/**
 * The worker threads run a plain-JavaScript bundle of src/run/task.ts, so each worker loads one
 * small file instead of a TypeScript loader and its own loader thread. In production
 * (`npm run build`, scripts/build.mjs) the bundles are built once beside the compiled server and
 * used as they are: nothing is built or written at run time, and esbuild is never loaded. Run from
 * the sources (tests, `tsx`), the bundle is built with esbuild whenever a source file is newer.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Set to true by scripts/build.mjs (esbuild's define) in the compiled server; absent in the sources. */
declare const CLASS_BUILT: boolean | undefined;

/** True when running the compiled server of `npm run build`. */
export const COMPILED = typeof CLASS_BUILT !== 'undefined' && CLASS_BUILT === true;

/** The project's root: the nearest folder above this file with a package.json (works bundled too). */
function projectRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error('bundle: no package.json above this file');
    folder = parent;
  }
  return folder;
}

const ROOT = projectRoot();
const SOURCE_ROOT = join(ROOT, 'src');
const DIST = join(ROOT, 'dist');

function newestSource(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function bundleTime(bundle: string): number {
  try {
    return statSync(bundle).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Builds `dist/<name>.mjs` from src/run/<name>.ts if it is missing or older than any source file,
 * exporting `exportName` as the default export; returns its path.
 */
export function workerBundle(name: 'task' | 'load-task' = 'task', exportName = name === 'task' ? 'runTask' : 'loadTask'): string {
  const bundle = join(DIST, `${name}.mjs`);
  if (COMPILED) {
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build`);
    return bundle;
  }
  if (bundleTime(bundle) > newestSource(SOURCE_ROOT)) return bundle;
  mkdirSync(DIST, { recursive: true });
  // Loaded only here, so the compiled server never loads esbuild.
  const { buildSync } = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  const built = buildSync({
    entryPoints: [join(SOURCE_ROOT, 'run', `${name}.ts`)],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'error',
    write: false,
    footer: { js: `export default ${exportName};` },
  });
  // Written beside it and renamed into place, so a process starting workers at the same moment
  // (test files run in parallel) never loads half a file.
  const temporary = `${bundle}.${randomUUID()}.tmp`;
  writeFileSync(temporary, built.outputFiles[0]!.contents);
  renameSync(temporary, bundle);
  return bundle;
}
