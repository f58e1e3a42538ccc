/**
 * The worker threads run a plain-JavaScript bundle of src/run/task.ts (built with esbuild, the
 * compiler tsx itself uses), so each worker loads one small file instead of a TypeScript loader
 * and its own loader thread. The bundle is rebuilt whenever a source file is newer than it.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

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
  if (bundleTime(bundle) > newestSource(SOURCE_ROOT)) return bundle;
  mkdirSync(DIST, { recursive: true });
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
