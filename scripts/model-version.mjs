#!/usr/bin/env node
// Writes src/run/modelVersion.ts: "<package version>+<first 12 hex digits of a SHA-256 of the
// model's source files>" (shared/model.md section 18), so a change of code shows in every output.
// test/run/version.test.ts fails when the file is stale: run `npm run model-version`.
// Usage: node scripts/model-version.mjs [--check]
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const OUTPUT = 'src/run/modelVersion.ts';

/** The files whose code decides the figures: the numeric core, the runs, and how inputs are read. */
export function modelSourceFiles() {
  const walk = (dir) =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
    );
  return [...walk('src/model'), ...walk('src/run'), 'src/scenario/inputs.ts', 'src/scenario/fields.ts', 'src/scenario/catalogue.ts']
    .map((file) => file.split('\\').join('/'))
    .filter((file) => file !== OUTPUT)
    .sort();
}

/** "<version>+<hash>" of the files as they are now (line endings normalised). */
export function modelVersion() {
  const hash = createHash('sha256');
  for (const file of modelSourceFiles()) {
    hash.update(file).update('\0');
    hash.update(readFileSync(join(root, file), 'utf8').replace(/\r\n/g, '\n')).update('\0');
  }
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return `${version}+${hash.digest('hex').slice(0, 12)}`;
}

export function moduleText(version) {
  return `/**
 * The model's version: the package version and the first 12 hex digits of a SHA-256 of the model's
 * source files (shared/model.md section 18). Written by scripts/model-version.mjs
 * (\`npm run model-version\`); test/run/version.test.ts fails when it is stale.
 */
export const MODEL_VERSION = '${version}';
`;
}

if (process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === '') {
  const text = moduleText(modelVersion());
  if (process.argv.includes('--check')) {
    const current = readFileSync(join(root, OUTPUT), 'utf8');
    if (current !== text) {
      console.error(`${OUTPUT} is stale: run npm run model-version`);
      process.exit(1);
    }
  } else {
    writeFileSync(join(root, OUTPUT), text);
    console.log(modelVersion());
  }
}
