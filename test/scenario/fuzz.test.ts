import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadScenario } from '../../src/scenario/load';
import { parseOverride } from '../../src/scenario/overrides';
import type { LoadResult } from '../../src/scenario/types';

const central = readFileSync(new URL('./fixtures/central.yaml', import.meta.url), 'utf8');
const lines = central.split('\n');

/** A load either succeeds or gives well-formed problems; it never throws. */
function wellFormed(result: LoadResult): void {
  if (result.ok) return;
  expect(result.problems.length).toBeGreaterThan(0);
  for (const problem of result.problems) {
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.column).toBeGreaterThanOrEqual(1);
    expect(Number.isInteger(problem.line) && Number.isInteger(problem.column)).toBe(true);
    expect(problem.message.length).toBeGreaterThan(0);
  }
}

const scalar = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 12 }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('£1,000', '10%', 'yes', '2025-02-30', 'a.b', 'x = 1', '[1, 2]', '!!js/function', '.inf', '*a', '&a'),
);
const yamlValue = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom('dist', 'min', 'mode', 'max', 'mean', 'sd', 'name', 'start', 'x', 'capacity'), tie('value'), {
      maxKeys: 4,
    }),
  ),
})).value;

describe('loadScenario never throws', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'binary' }), (text) => {
        wellFormed(loadScenario(text, 'junk.yaml'));
      }),
      { numRuns: 300 },
    );
  });

  it('on the example with lines removed, duplicated or garbled', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(lines.length - 1), fc.constantFrom('drop', 'double', 'garble', 'indent')), { maxLength: 4 }),
        fc.string({ maxLength: 10 }),
        (edits, junk) => {
          const edited = [...lines];
          for (const [index, edit] of edits) {
            if (edit === 'drop') edited.splice(index, 1);
            else if (edit === 'double') edited.splice(index, 0, edited[index] ?? '');
            else if (edit === 'garble') edited[index] = `${edited[index] ?? ''}${junk}`;
            else edited[index] = ` ${edited[index] ?? ''}`;
          }
          wellFormed(loadScenario(edited.join('\n'), 'edited.yaml'));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('on the example with any key replaced by a random value', () => {
    const paths = [
      'name',
      'contract',
      'contract.start',
      'contract.extensions',
      'funding',
      'councils',
      'service.capacity',
      'outcomes.effectiveness',
      'outcomes.breakdown_risk',
      'finance',
      'monte_carlo',
      'monitoring',
      'variables',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...paths), yamlValue, (path, value) => {
        const override = parseOverride(`${path}=${stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trim() || 'null'}`);
        if (typeof override === 'string') return;
        wellFormed(loadScenario(central, 'central.yaml', [override]));
      }),
      { numRuns: 300 },
    );
  });

  it('on random YAML documents', () => {
    fc.assert(
      fc.property(yamlValue, (value) => {
        wellFormed(loadScenario(stringify(value), 'random.yaml'));
      }),
      { numRuns: 300 },
    );
  });
});
