import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pertShape, support, type Distribution } from '../../../src/model/distribution';
import { createRng, sampleInto, standardNormalCdf } from '../../../src/model/random';
import { distributionArbitrary } from './arbitraries';
import { expectMoments } from './moments';

const draw = (d: Distribution, seed = 1, count = 10_000): Float64Array => {
  const out = new Float64Array(count);
  sampleInto(createRng(seed), d, out);
  return out;
};
const phi = (x: number): number => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);

describe('sampleInto: mean and sd of 10,000 seeded draws within 4 standard errors of the exact values', () => {
  it('uniform', () => expectMoments(draw({ dist: 'uniform', min: 2, max: 8 }), 5, 6 / Math.sqrt(12)));

  it('triangular: mean (a + b + c) / 3, variance (a^2 + b^2 + c^2 - ab - ac - bc) / 18', () => {
    const [a, c, b] = [1, 2, 7];
    expectMoments(
      draw({ dist: 'triangular', min: a, mode: c, max: b }),
      (a + b + c) / 3,
      Math.sqrt((a * a + b * b + c * c - a * b - a * c - b * c) / 18),
    );
  });

  it('PERT: mean (min + 4 mode + max) / 6, variance range^2 ab / ((a + b)^2 (a + b + 1))', () => {
    const [min, mode, max] = [10, 12, 30];
    const { alpha, beta } = pertShape(min, mode, max);
    const variance = ((max - min) ** 2 * alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1));
    expectMoments(draw({ dist: 'pert', min, mode, max }), (min + 4 * mode + max) / 6, Math.sqrt(variance));
  });

  it('beta, including shapes below 1', () => {
    for (const [alpha, beta] of [
      [2, 5],
      [0.5, 0.5],
      [0.2, 3],
    ] as const) {
      const variance = (alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1));
      expectMoments(draw({ dist: 'beta', alpha, beta }), alpha / (alpha + beta), Math.sqrt(variance));
    }
  });

  it('normal', () => expectMoments(draw({ dist: 'normal', mean: -3, sd: 2 }), -3, 2));

  it('truncated normal stays inside its bounds and has the exact truncated mean and sd', () => {
    // Mean mu + sigma (phi(a) - phi(b)) / Z; variance sigma^2 (1 + (a phi(a) - b phi(b)) / Z - ((phi(a) - phi(b)) / Z)^2).
    for (const [mean, sd, min, max] of [
      [0, 1, -0.5, 2],
      [10, 3, 11, 30],
      [0, 1, 2.5, Infinity],
      [5, 2, -Infinity, 4],
    ] as const) {
      const draws = draw({ dist: 'normal', mean, sd, min, max });
      for (const x of draws) {
        expect(x).toBeGreaterThanOrEqual(min);
        expect(x).toBeLessThanOrEqual(max);
      }
      const [a, b] = [(min - mean) / sd, (max - mean) / sd];
      const [phiA, phiB] = [Number.isFinite(a) ? phi(a) : 0, Number.isFinite(b) ? phi(b) : 0];
      const [aPhiA, bPhiB] = [Number.isFinite(a) ? a * phiA : 0, Number.isFinite(b) ? b * phiB : 0];
      const mass = standardNormalCdf(b) - standardNormalCdf(a);
      const shift = (phiA - phiB) / mass;
      expectMoments(draws, mean + sd * shift, sd * Math.sqrt(1 + (aPhiA - bPhiB) / mass - shift * shift));
    }
  });

  it('lognormal: exact mean and sd, and about 5% of draws below low and 5% above high', () => {
    const [low, high] = [2, 20];
    const mu = (Math.log(low) + Math.log(high)) / 2;
    const sigma = (Math.log(high) - Math.log(low)) / (2 * 1.6448536);
    const draws = draw({ dist: 'lognormal', low, high });
    expectMoments(draws, Math.exp(mu + sigma ** 2 / 2), Math.sqrt((Math.exp(sigma ** 2) - 1) * Math.exp(2 * mu + sigma ** 2)));
    const tolerance = 4 * Math.sqrt((0.05 * 0.95) / draws.length);
    expect(Math.abs(draws.filter((x) => x < low).length / draws.length - 0.05)).toBeLessThan(tolerance);
    expect(Math.abs(draws.filter((x) => x > high).length / draws.length - 0.05)).toBeLessThan(tolerance);
  });

  it('discrete: weighted mean and variance, only the listed values', () => {
    const values = [1, 2, 10];
    const weights = [1, 2, 1];
    const mean = (1 + 4 + 10) / 4;
    const variance = (1 * (1 - mean) ** 2 + 2 * (2 - mean) ** 2 + (10 - mean) ** 2) / 4;
    const draws = draw({ dist: 'discrete', values, weights });
    expect(new Set(draws)).toEqual(new Set(values));
    expectMoments(draws, mean, Math.sqrt(variance));
  });

  it('fixed fills the value', () => expect(draw({ dist: 'fixed', value: 4.5 }, 1, 10)).toEqual(new Float64Array(10).fill(4.5)));
});

describe('sampleInto: determinism and support', () => {
  const forms: Distribution[] = [
    { dist: 'uniform', min: 0, max: 1 },
    { dist: 'triangular', min: 0, mode: 1, max: 4 },
    { dist: 'pert', min: 0, mode: 1, max: 4 },
    { dist: 'normal', mean: 0, sd: 1 },
    { dist: 'normal', mean: 0, sd: 1, min: 0, max: 2 },
    { dist: 'lognormal', low: 1, high: 10 },
    { dist: 'beta', alpha: 2, beta: 3 },
    { dist: 'discrete', values: [1, 2, 3], weights: [1, 1, 2] },
  ];

  it('same seed gives identical arrays; different seeds differ', () => {
    for (const d of forms) {
      expect(draw(d, 5, 100)).toEqual(draw(d, 5, 100));
      expect(draw(d, 5, 100)).not.toEqual(draw(d, 6, 100));
    }
  });

  it('guards against change, not truth: the first two draws of each form for seed 42', () => {
    const firstDraws = forms.map((d) => Array.from(draw(d, 42, 2)));
    expect(firstDraws).toEqual(GUARD_42);
  });

  it('draws lie within the support for any seed (property)', () => {
    fc.assert(
      fc.property(distributionArbitrary, fc.integer(), (d, seed) => {
        const [low, high] = support(d);
        for (const x of draw(d, seed, 200)) {
          expect(x).toBeGreaterThanOrEqual(low);
          expect(x).toBeLessThanOrEqual(high);
        }
      }),
      { numRuns: 300 },
    );
  });
});

// Recorded from this implementation; a change here means the sampling streams changed.
// (PERT and beta rows re-recorded when beta sampling moved to Cheng's BB for shapes above 1.)
const GUARD_42: number[][] = [
  [0.5198396780528832, 0.6490345226846735],
  [1.5995992285942329, 1.9477851652948424],
  [1.3783380760592923, 0.2327691680062899],
  [0.04975121424504933, 0.3827151843448867],
  [0.6685020645557181, 0.8769814396026723],
  [3.2743363959933025, 4.133682891538754],
  [0.41253749004807605, 0.07111059805708303],
  [3, 3],
];
