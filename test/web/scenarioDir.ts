/**
 * A temporary scenarios folder holding copies of bundled scenarios with few iterations, so web
 * tests run real scenarios quickly and saves never touch the real folder.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/web/middleware/staticFiles';

export const BUNDLED_DIR = path.join(PROJECT_ROOT, 'scenarios');

/** Copies `names` from scenarios/ into a new temp folder, with `iterations` Monte Carlo iterations. */
export function scenarioDir(names: readonly string[], iterations = 500): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'class-scenarios-'));
  for (const name of names) {
    const text = readFileSync(path.join(BUNDLED_DIR, `${name}.yaml`), 'utf8').replace(/iterations: \d+/, `iterations: ${iterations}`);
    writeFileSync(path.join(dir, `${name}.yaml`), text);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
