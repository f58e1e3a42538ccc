import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { standardNormalCdf, standardNormalQuantile } from '../../../src/model/random';

const relativeError = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

describe('standardNormalQuantile', () => {
  // Known values: R's qnorm(0.975) and qnorm(0.75) to 16 digits; qnorm(0.5) = 0 by symmetry.
  it('matches known values', () => {
    expect(standardNormalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(standardNormalQuantile(0.025)).toBeCloseTo(-1.959963984540054, 14);
    expect(standardNormalQuantile(0.75)).toBeCloseTo(0.6744897501960817, 14);
    expect(standardNormalQuantile(0.5)).toBe(0);
    expect(standardNormalQuantile(0)).toBe(-Infinity);
    expect(standardNormalQuantile(1)).toBe(Infinity);
  });

  it('is odd: Phi^-1(1 - p) = -Phi^-1(p)', () => {
    for (const p of [0.001, 0.01, 0.1, 0.3, 0.45]) {
      expect(standardNormalQuantile(1 - p)).toBeCloseTo(-standardNormalQuantile(p), 12);
    }
  });

  it('inverts the CDF to about 1e-13 relative, deep into the lower tail', () => {
    for (let e = 1; e <= 300; e++) {
      const p = 10 ** -e;
      expect(relativeError(standardNormalCdf(standardNormalQuantile(p)), p)).toBeLessThan(1e-12);
    }
    for (let i = 1; i < 1000; i++) {
      const p = i / 1000;
      expect(Math.abs(standardNormalCdf(standardNormalQuantile(p)) - p)).toBeLessThan(1e-15);
    }
  });

  it('is increasing in p (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (p, q) => {
        const [low, high] = p <= q ? [p, q] : [q, p];
        expect(standardNormalQuantile(low)).toBeLessThanOrEqual(standardNormalQuantile(high));
      }),
    );
  });
});

describe('standardNormalCdf', () => {
  // Known values: R's pnorm(1), pnorm(-5) and pnorm(-10) to 16 digits; pnorm(-30) to 7 digits.
  it('matches known values, with relative accuracy in the tails', () => {
    expect(standardNormalCdf(0)).toBe(0.5);
    expect(relativeError(standardNormalCdf(1), 0.8413447460685429)).toBeLessThan(1e-15);
    expect(relativeError(standardNormalCdf(-1), 0.15865525393145705)).toBeLessThan(1e-15);
    expect(relativeError(standardNormalCdf(-1.959963984540054), 0.025)).toBeLessThan(1e-14);
    expect(relativeError(standardNormalCdf(-5), 2.866515718791939e-7)).toBeLessThan(1e-14);
    expect(relativeError(standardNormalCdf(-10), 7.619853024160527e-24)).toBeLessThan(1e-14);
    expect(relativeError(standardNormalCdf(-30), 4.906714e-198)).toBeLessThan(1e-6);
    expect(standardNormalCdf(-40)).toBe(0);
    expect(standardNormalCdf(40)).toBe(1);
  });

  it('is continuous where its two methods meet (|x| = 1)', () => {
    expect(Math.abs(standardNormalCdf(1 + 1e-12) - standardNormalCdf(1))).toBeLessThan(1e-12);
    expect(Math.abs(standardNormalCdf(-1 - 1e-12) - standardNormalCdf(-1))).toBeLessThan(1e-12);
  });
});
