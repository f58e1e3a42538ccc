import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../../src/model/distribution';
import { cholesky, correlationMatrixProblems, createRng, imanConover, rankCorrelation, ranks, sampleInto } from '../../../src/model/random';
import { sortedOrder } from '../../../src/model/random/correlate';
import fc from 'fast-check';

const column = (d: Distribution, seed: number, count: number): Float64Array => {
  const out = new Float64Array(count);
  sampleInto(createRng(seed), d, out);
  return out;
};

describe('imanConover', () => {
  const count = 10_000;
  const names = ['cost', 'referrals', 'success'];
  const target = [
    [1, 0.7, -0.4],
    [0.7, 1, 0.2],
    [-0.4, 0.2, 1],
  ];
  const inputs = [
    column({ dist: 'pert', min: 0, mode: 1, max: 4 }, 1, count),
    column({ dist: 'lognormal', low: 1, high: 10 }, 2, count),
    column({ dist: 'discrete', values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], weights: [1, 2, 3, 4, 5, 5, 4, 3, 2, 1] }, 3, count),
  ];

  it('achieves each target Spearman correlation within 0.03 at n = 10,000', () => {
    const result = imanConover(createRng(7), inputs, target, names);
    if (!result.ok) throw new Error(result.errors.join('; '));
    for (let i = 0; i < 3; i++) {
      for (let j = i + 1; j < 3; j++) {
        expect(Math.abs(rankCorrelation(result.columns[i]!, result.columns[j]!) - target[i]![j]!)).toBeLessThan(0.03);
      }
    }
  });

  it('leaves the marginals unchanged (sorted columns identical) and does not touch its inputs', () => {
    const before = inputs.map((x) => x.slice());
    const result = imanConover(createRng(7), inputs, target, names);
    if (!result.ok) throw new Error(result.errors.join('; '));
    result.columns.forEach((x, j) => expect(x.slice().sort()).toEqual(inputs[j]!.slice().sort()));
    expect(inputs).toEqual(before);
  });

  it('is fixed by the seed', () => {
    const small = inputs.map((x) => x.slice(0, 200));
    expect(imanConover(createRng(1), small, target, names)).toEqual(imanConover(createRng(1), small, target, names));
  });

  it('reports an impossible set of correlations, naming the pairs, as an error value', () => {
    const impossible = [
      [1, 0.9, -0.9],
      [0.9, 1, 0.9],
      [-0.9, 0.9, 1],
    ];
    const result = imanConover(createRng(1), inputs, impossible, ['a', 'b', 'c']);
    expect(result).toEqual({
      ok: false,
      errors: ['these correlations cannot all hold at once (the matrix is not positive definite): a~b 0.9, a~c -0.9, b~c 0.9'],
    });
  });
});

describe('correlationMatrixProblems', () => {
  it('names only the smallest impossible group among four inputs', () => {
    const matrix = [
      [1, 0.9, 0.9, 0.1],
      [0.9, 1, -0.9, 0],
      [0.9, -0.9, 1, 0],
      [0.1, 0, 0, 1],
    ];
    expect(correlationMatrixProblems(matrix, ['a', 'b', 'c', 'd'])).toEqual([
      'these correlations cannot all hold at once (the matrix is not positive definite): a~b 0.9, a~c 0.9, b~c -0.9',
    ]);
  });

  it('reports asymmetry, a bad diagonal, out-of-range and perfect correlations together', () => {
    const problems = correlationMatrixProblems(
      [
        [1, 0.5, 1.2],
        [0.4, 0.9, 1],
        [1.2, 1, 1],
      ],
      ['a', 'b', 'c'],
    );
    expect(problems).toEqual([
      'a~b is given as 0.5 one way and 0.4 the other',
      'a~c 1.2: a rank correlation must be between -1 and 1',
      'the correlation of b with itself must be 1, not 0.9',
      'b~c 1: a rank correlation of exactly 1 or -1 cannot be simulated; use 0.99, or write one input as a formula of the other',
    ]);
  });

  it('accepts a valid matrix', () =>
    expect(
      correlationMatrixProblems(
        [
          [1, 0.3],
          [0.3, 1],
        ],
        ['a', 'b'],
      ),
    ).toEqual([]));
});

describe('helpers', () => {
  it('cholesky factors a 2 x 2 by hand: [[1, 0], [0.6, 0.8]]', () => {
    const lower = cholesky([
      [1, 0.6],
      [0.6, 1],
    ])!;
    expect(Array.from(lower[1]!)).toEqual([0.6, 0.8]);
    expect(
      cholesky([
        [1, 1],
        [1, 1],
      ]),
    ).toBeUndefined();
  });

  it('ranks average ties and Spearman matches a hand value', () => {
    expect(Array.from(ranks(Float64Array.of(10, 30, 20, 20)))).toEqual([1, 4, 2.5, 2.5]);
    // Ranks (1,2,3) and (1,3,2): 1 - 6 * 2 / (3 * 8) = 0.5.
    expect(rankCorrelation(Float64Array.of(1, 2, 3), Float64Array.of(10, 30, 20))).toBeCloseTo(0.5, 15);
  });
});

describe('sortedOrder (the radix sort behind ranks and Iman-Conover)', () => {
  /** The comparison sort it replaced: ascending, equal values in index order. */
  const byComparison = (values: Float64Array): number[] => Array.from(values.keys()).sort((a, b) => values[a]! - values[b]! || a - b);

  it('gives the order of the comparison sort, ties by index, -0 equal to 0 (fast-check)', () => {
    // Values from a small set, so most arrays have ties; every kind of double that is not NaN.
    const value = fc.oneof(
      fc.constantFrom(0, -0, 1, -1, 5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, Infinity, -Infinity, 0.1, -0.1),
      fc.double({ noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 300 }), (list) => {
        const values = Float64Array.from(list);
        expect(Array.from(sortedOrder(values))).toEqual(byComparison(values));
      }),
      { numRuns: 300 },
    );
  });

  it('orders a worked example', () => {
    // By hand: -1 (index 1) < 0 (index 3) < 3 (index 0) = 3 (index 2).
    expect(Array.from(sortedOrder(Float64Array.of(3, -1, 3, 0)))).toEqual([1, 3, 0, 2]);
  });

  it('orders 200,000 values with many ties as the comparison sort does', () => {
    const rng = createRng(7);
    const values = Float64Array.from({ length: 200_000 }, () => Math.round((rng() - 0.5) * 4000) / 8);
    expect(Array.from(sortedOrder(values))).toEqual(byComparison(values));
  });
});
