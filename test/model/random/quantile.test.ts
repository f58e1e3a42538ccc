import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../../src/model/distribution';
import { quantile, quantileFunction, standardNormalQuantile } from '../../../src/model/random';
import { distributionArbitrary } from './arbitraries';

describe('quantile', () => {
  it('uniform and triangular match their closed forms', () => {
    expect(quantile({ dist: 'uniform', min: 1, max: 3 }, 0.25)).toBe(1.5);
    const triangle: Distribution = { dist: 'triangular', min: 0, mode: 1, max: 2 };
    expect(quantile(triangle, 0.5)).toBe(1);
    // Below the mode: min + sqrt(p (max - min)(mode - min)) = sqrt(0.125 * 2 * 1) = 0.5.
    expect(quantile(triangle, 0.125)).toBeCloseTo(0.5, 15);
    expect(quantile(triangle, 0.875)).toBeCloseTo(1.5, 15);
    // Right-angled triangle with the mode at min: 1 - sqrt(1 - p).
    expect(quantile({ dist: 'triangular', min: 0, mode: 0, max: 1 }, 0.19)).toBeCloseTo(0.1, 15);
  });

  it('PERT: median equals a central mode, and Beta(2,4)-shaped PERT matches the beta closed form tails', () => {
    expect(quantile({ dist: 'pert', min: 10, mode: 15, max: 20 }, 0.5)).toBeCloseTo(15, 12);
    // mode at min gives alpha = 1, beta = 5: quantile 1 - (1 - p)^(1/5), scaled to [0, 10].
    const skewed: Distribution = { dist: 'pert', min: 0, mode: 0, max: 10 };
    for (const p of [0.05, 0.5, 0.95]) expect(quantile(skewed, p)).toBeCloseTo(10 * (1 - (1 - p) ** 0.2), 11);
  });

  it('normal is mean + sd z, and lognormal returns low and high at 5% and 95%', () => {
    expect(quantile({ dist: 'normal', mean: 10, sd: 2 }, 0.975)).toBeCloseTo(10 + 2 * 1.959963984540054, 13);
    const lognormal: Distribution = { dist: 'lognormal', low: 2, high: 50 };
    // The spec's z = 1.6448536 is rounded (exact 1.64485362695...), hence 1e-6 relative.
    expect(quantile(lognormal, 0.05) / 2).toBeCloseTo(1, 6);
    expect(quantile(lognormal, 0.95) / 50).toBeCloseTo(1, 6);
    expect(quantile(lognormal, 0.5)).toBeCloseTo(10, 12); // the median is sqrt(low * high)
  });

  it('truncated normal: half-normal median and the conditional quantile on [Phi(a), Phi(b)]', () => {
    // Half-normal on [0, inf): median Phi^-1(0.75) = 0.6744897501960817 (R qnorm(0.75)).
    expect(quantile({ dist: 'normal', mean: 0, sd: 1, min: 0 }, 0.5)).toBeCloseTo(0.6744897501960817, 14);
    // Mirrored case (interval above the mean) against the same value by symmetry.
    expect(quantile({ dist: 'normal', mean: 0, sd: 1, max: 0 }, 0.5)).toBeCloseTo(-0.6744897501960817, 14);
    // Far tail: the interval [8, 9] keeps full precision and stays inside.
    const far = quantileFunction({ dist: 'normal', mean: 0, sd: 1, min: 8, max: 9 });
    for (const p of [1e-9, 0.5, 1 - 1e-9]) {
      expect(far(p)).toBeGreaterThanOrEqual(8);
      expect(far(p)).toBeLessThanOrEqual(9);
    }
    expect(far(0.5)).toBeGreaterThan(8.05);
    expect(far(0.5)).toBeLessThan(8.1); // median of Exp(rate 8) above 8 is ln 2 / 8 = 0.087; the normal is a bit tighter
  });

  it('discrete: cumulative weights over sorted values, repeats merged', () => {
    const d: Distribution = { dist: 'discrete', values: [3, 1, 2, 3], weights: [1, 1, 1, 1] };
    expect(quantile(d, 0.2)).toBe(1);
    expect(quantile(d, 0.3)).toBe(2);
    expect(quantile(d, 0.6)).toBe(3);
    expect(quantile({ dist: 'discrete', values: [5, 7] }, 0.49)).toBe(5);
  });

  it('p = 0 and 1 give the ends of the support; p outside [0, 1] is a programmer error', () => {
    expect(quantile({ dist: 'normal', mean: 0, sd: 1 }, 0)).toBe(-Infinity);
    expect(quantile({ dist: 'pert', min: 1, mode: 2, max: 5 }, 1)).toBe(5);
    expect(() => quantile({ dist: 'uniform', min: 0, max: 1 }, 1.5)).toThrow(/p must be in \[0, 1\]/);
  });

  it('lognormal quantile agrees with exp of the normal quantile', () => {
    const d: Distribution = { dist: 'lognormal', low: 1, high: 100 };
    const sigma = Math.log(100) / (2 * 1.6448536);
    expect(quantile(d, 0.3)).toBeCloseTo(Math.exp(Math.log(10) + sigma * standardNormalQuantile(0.3)), 12);
  });

  it('is non-decreasing in p for every form (property)', () => {
    fc.assert(
      fc.property(
        distributionArbitrary,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (d, p, q) => {
          const [low, high] = p <= q ? [p, q] : [q, p];
          expect(quantile(d, low)).toBeLessThanOrEqual(quantile(d, high));
        },
      ),
      { numRuns: 300 },
    );
  });
});
