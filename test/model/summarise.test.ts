import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { histogram, meanAndSem, quantiles, summarise } from '../../src/model/summarise';

/** Type-7 percentile by sorting: the textbook definition the fast version must match. */
function sortedQuantile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const below = Math.floor(h);
  return below + 1 < sorted.length ? sorted[below]! + (h - below) * (sorted[below + 1]! - sorted[below]!) : sorted[below]!;
}

describe('percentiles', () => {
  it('match NumPy / R type 7 on a small example worked by hand', () => {
    // numpy.percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [5, 25, 50, 90]) -> 1.45, 3.25, 5.5, 9.1
    const values = Float64Array.from([7, 3, 10, 1, 5, 9, 2, 8, 4, 6]);
    const [p5, p25, p50, p90] = quantiles(values, [0.05, 0.25, 0.5, 0.9]);
    expect(p5).toBeCloseTo(1.45, 12);
    expect(p25).toBeCloseTo(3.25, 12);
    expect(p50).toBeCloseTo(5.5, 12);
    expect(p90).toBeCloseTo(9.1, 12);
  });

  it('equal the sorted definition for any values, including ties and heavy tails', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.constantFrom(0, 1, 1, 2)), { minLength: 1, maxLength: 3000 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }),
        (values, probabilities) => {
          const got = quantiles(Float64Array.from(values), probabilities);
          return probabilities.every((p, i) => Math.abs(got[i]! - sortedQuantile(values, p)) <= 1e-9 * Math.max(1, Math.abs(got[i]!)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('handles a range too narrow to bucket (found by fast-check: [0, 5e-324])', () => {
    expect(quantiles(Float64Array.from([0, 5e-324]), [0, 1])).toEqual([0, 5e-324]);
  });

  it('gives the mean and its standard error', () => {
    // By hand: mean of 1, 2, 3 is 2; sample sd 1; sem 1 / sqrt 3.
    const { mean, sem } = meanAndSem(Float64Array.from([1, 2, 3]));
    expect(mean).toBe(2);
    expect(sem).toBeCloseTo(1 / Math.sqrt(3), 15);
    const s = summarise(Float64Array.from([4, 4, 4]));
    expect([s.mean, s.sem, s.p5, s.p95]).toEqual([4, 0, 4, 4]);
  });

  it('histograms count every value once', () => {
    const h = histogram(Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 10]), 5);
    expect(h.counts).toEqual([2, 2, 2, 2, 2]);
    expect(h.edges).toEqual([0, 2, 4, 6, 8, 10]);
  });
});
