/** Latin hypercube quantiles from a table (src/model/random/quantileTable.ts, columnQuantileFunction in lhs.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../../src/model/distribution';
import { columnQuantileFunction, TABLE_FROM } from '../../../src/model/random/lhs';
import { quantileFunction } from '../../../src/model/random/quantile';
import { QuantileTable, TABLE_INTERVALS } from '../../../src/model/random/quantileTable';

/**
 * The largest error of a table at these probabilities, relative to the exact quantile, less
 * `floor` (an absolute error allowed on top: a PERT's rounding near a value of 0).
 */
function worstError(d: Distribution, probabilities: number[], floor = 0): number {
  const exact = quantileFunction(d);
  const table = new QuantileTable(exact);
  let worst = 0;
  for (const p of probabilities) {
    const x = exact(p);
    const fromTable = table.at(p);
    if (fromTable !== x) worst = Math.max(worst, Math.max(0, Math.abs(fromTable - x) - floor) / Math.abs(x));
  }
  return worst;
}

const probabilities = fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 200, maxLength: 200 });

describe('QuantileTable', () => {
  it('is within 2e-13 of the exact beta quantile, relative, for any shape and probability', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 60, noNaN: true }),
        fc.double({ min: 0.2, max: 60, noNaN: true }),
        probabilities,
        (a, b, ps) => {
          expect(worstError({ dist: 'beta', alpha: a, beta: b }, ps)).toBeLessThanOrEqual(2e-13);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('is within 2e-13 of the exact PERT quantile, truncated or not, or 4 units in the last place of its range near 0', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -10_000, max: 10_000, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 10_000, noNaN: true }),
        fc.boolean(),
        probabilities,
        (min, modeAt, range, truncated, ps) => {
          const d: Distribution = { dist: 'pert', min, mode: min + modeAt * range, max: min + range };
          if (truncated) d.upper = min + 0.9 * range;
          // min + range x a beta quantile: near a value of 0 the exact quantile itself is only good to
          // a unit or two in the last place of the range (and of min).
          const floor = 4 * 2 ** -52 * Math.max(range, Math.abs(min));
          expect(worstError(d, ps, floor)).toBeLessThanOrEqual(2e-13);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('gives the exact quantile at its nodes, and solves exactly near p = 0 and 1 and at p = 1', () => {
    const exact = quantileFunction({ dist: 'beta', alpha: 5, beta: 30 });
    const table = new QuantileTable(exact);
    for (const j of [2, 100, 2048, 4000]) expect(table.at(j / TABLE_INTERVALS)).toBe(exact(j / TABLE_INTERVALS));
    for (const p of [0, 1e-9, 0.5 / TABLE_INTERVALS, 1 - 1e-9, 1]) expect(table.at(p)).toBe(exact(p));
    // The tails bend too fast for the polynomial: the midpoint check keeps the exact solve in a few
    // percent of the intervals (186 for this beta), well beyond the four at the ends it always keeps.
    expect(table.exactIntervals).toBeGreaterThan(40);
    expect(table.exactIntervals).toBeLessThan(TABLE_INTERVALS / 10);
  });
});

describe('columnQuantileFunction', () => {
  const beta: Distribution = { dist: 'beta', alpha: 3, beta: 15 };
  const p = 0.3217;

  it('takes the exact quantile for columns shorter than TABLE_FROM and for inputs whose quantile is a formula', () => {
    expect(columnQuantileFunction(beta, TABLE_FROM - 1)(p)).toBe(quantileFunction(beta)(p));
    const normal: Distribution = { dist: 'normal', mean: 1, sd: 2 };
    expect(columnQuantileFunction(normal, 10 * TABLE_FROM)(p)).toBe(quantileFunction(normal)(p));
  });

  it('takes a beta or PERT quantile from the table from TABLE_FROM draws, the same each time it is asked', () => {
    const fromTable = columnQuantileFunction(beta, TABLE_FROM)(p);
    expect(fromTable).toBe(new QuantileTable(quantileFunction(beta)).at(p));
    expect(Math.abs(fromTable - quantileFunction(beta)(p))).toBeLessThanOrEqual(2e-13 * fromTable);
    expect(columnQuantileFunction({ ...beta }, 2 * TABLE_FROM)(p)).toBe(fromTable);
  });
});
