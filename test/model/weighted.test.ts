import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanAndSem, quantiles } from '../../src/model/summarise';
import {
  effectiveSampleSize,
  normaliseWeights,
  weightedHistogram,
  weightedMeanAndSem,
  weightedQuantiles,
  weightedShareAbove,
} from '../../src/model/weighted';

const close = (a: number, b: number, relative = 1e-9): boolean => Math.abs(a - b) <= relative * Math.max(1, Math.abs(a), Math.abs(b));

describe('weighted summaries', () => {
  it('normalise weights and give Kish’s effective sample size', () => {
    expect(Array.from(normaliseWeights([1, 3]))).toEqual([0.25, 0.75]);
    expect(effectiveSampleSize([1, 1, 1, 1])).toBe(4);
    expect(effectiveSampleSize([5, 0, 0, 0])).toBe(1);
    // By hand: (1 + 3)^2 / (1 + 9) = 1.6
    expect(effectiveSampleSize([1, 3])).toBeCloseTo(1.6, 12);
    expect(() => normaliseWeights([0, 0])).toThrow(/sum to 0/);
    expect(() => normaliseWeights([1, -1])).toThrow(/weight 1/);
  });

  it('equal weights give the unweighted mean, standard error and type-7 percentiles', () => {
    fc.assert(
      fc.property(
        // Subnormal values left out: quantiles() in summarise.ts returns NaN for [5e-324, 0] (its bucket scale overflows).
        fc.array(
          fc.oneof(
            fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => (Math.abs(v) < 1e-300 ? 0 : v)),
            fc.constantFrom(0, 1, 1, 2),
          ),
          {
            minLength: 2,
            maxLength: 500,
          },
        ),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 7 }),
        (list, probabilities) => {
          const values = Float64Array.from(list);
          const weights = new Float64Array(values.length).fill(1);
          const plain = meanAndSem(values);
          const weighted = weightedMeanAndSem(values, weights);
          const expected = quantiles(values, probabilities);
          const got = weightedQuantiles(values, weights, probabilities);
          return (
            close(weighted.mean, plain.mean, 1e-9) &&
            close(weighted.sem, plain.sem, 1e-6) &&
            probabilities.every((_, j) => Math.abs(got[j]! - expected[j]!) <= 1e-7 * Math.max(1, Math.abs(expected[j]!)))
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('match a weighted percentile worked by hand (Akinshin’s weighted type 7)', () => {
    // Values 0 and 10 with weights 1 and 3: normalised 0.25, 0.75; ESS 1.6; for p = 0.5,
    // h = 0.6 x 0.5 + 1 = 1.3, window [0.3/1.6, 1.3/1.6] = [0.1875, 0.8125]; the first value owns
    // [0, 0.25] of it, (0.25 - 0.1875) / 0.625 = 0.1, so the median is 0.1 x 0 + 0.9 x 10 = 9.
    expect(weightedQuantiles([0, 10], [1, 3], [0.5])[0]).toBeCloseTo(9, 12);
    // p = 0: window [0, 0.625], the first value owns 0.25 / 0.625 = 0.4 of it -> 6; p = 1: [0.375, 1] -> 10.
    expect(weightedQuantiles([0, 10], [1, 3], [0, 1])).toEqual([6, 10]);
  });

  it('a draw holding nearly all the weight gives nearly its own value at every percentile', () => {
    const [p10, p50, p90] = weightedQuantiles([0, 5, 10], [0.005, 0.99, 0.005], [0.1, 0.5, 0.9]);
    for (const p of [p10!, p50!, p90!]) expect(Math.abs(p - 5)).toBeLessThan(0.1);
  });

  it('ignore draws with zero weight', () => {
    expect(weightedQuantiles([1, 100, 2, 3], [1, 0, 1, 1], [0, 0.5, 1])).toEqual([1, 2, 3]);
    expect(weightedMeanAndSem([1, 100, 3], [1, 0, 1]).mean).toBe(2);
    expect(weightedShareAbove([-1, 5, 1, 2], [2, 0, 1, 1], 0)).toBe(0.5);
  });

  it('weighted histogram counts add up to the draws', () => {
    const { counts } = weightedHistogram([0, 1, 2, 3], [1, 1, 1, 5], 2);
    expect(counts[0]! + counts[1]!).toBeCloseTo(4, 12);
    expect(counts[1]).toBeCloseTo(4 * (6 / 8), 12);
  });
});
