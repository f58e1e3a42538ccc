import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain ES module script without types
import { moduleText, modelVersion } from '../../scripts/model-version.mjs';

describe('the model version', () => {
  it('is the package version and the hash of the model source files as they are now (run npm run model-version when this fails)', () => {
    const version = modelVersion() as string;
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(version).toMatch(new RegExp(`^${pkg.version.replace(/\./g, '\\.')}\\+[0-9a-f]{12}$`));
    expect(readFileSync('src/run/modelVersion.ts', 'utf8')).toBe(moduleText(version));
  });
});
