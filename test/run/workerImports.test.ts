import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { workerBundle } from '../../src/run/bundle';

/**
 * The run pool's threads load dist/task.mjs for every run. The scenario parser and validator
 * (yaml, zod, mathjs: measured about 110 MB a thread, mathjs alone 89 MB) belong to the loader's
 * bundle, which a thread loads only when it checks a scenario's text. A run never needs them: its
 * scenario crosses to the thread as plain data with formulas as expression trees.
 */
describe('worker bundles', () => {
  const importsOf = (file: string): string[] =>
    [...readFileSync(file, 'utf8').matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]!).filter((p) => !p.startsWith('node:'));

  it('the run bundle imports no parser, validator or formula library', () => {
    const imports = importsOf(workerBundle('task'));
    expect(imports).toContain('seedrandom');
    for (const heavy of ['yaml', 'zod', 'mathjs', 'mathjs/number']) expect(imports).not.toContain(heavy);
  });

  it('the loader bundle has them, and the check the pool calls by name', async () => {
    const file = workerBundle('load-task');
    expect(importsOf(file)).toEqual(expect.arrayContaining(['yaml', 'zod', 'mathjs/number']));
    const { checkProblems } = (await import(file)) as typeof import('../../src/run/load-task');
    expect(checkProblems({ text: 'a: [1', fileName: 'broken.yaml' })[0]).toMatchObject({ file: 'broken.yaml', line: 1 });
  });
});
