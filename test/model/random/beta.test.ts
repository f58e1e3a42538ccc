import { describe, expect, it } from 'vitest';
import { betaCdf, betaQuantile, logGamma } from '../../../src/model/random';

describe('logGamma', () => {
  it('matches ln sqrt(pi) and log-factorials summed directly', () => {
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14);
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(2)).toBeCloseTo(0, 14);
    let logFactorial = 0;
    for (let n = 1; n <= 200; n++) {
      logFactorial += Math.log(n);
      expect(Math.abs(logGamma(n + 1) - logFactorial)).toBeLessThan(1e-13 * Math.max(1, logFactorial));
    }
  });

  it('satisfies Gamma(x + 1) = x Gamma(x) below 1 (reflection branch)', () => {
    for (const x of [0.01, 0.1, 0.3, 0.49]) expect(logGamma(x + 1) - logGamma(x)).toBeCloseTo(Math.log(x), 13);
  });
});

describe('betaCdf', () => {
  // By hand: I_x(2, 3) = sum_{j=2..4} C(4, j) x^j (1 - x)^(4 - j) = (6 + 4 + 1) / 16 at x = 1/2.
  it('matches a hand-worked value', () => {
    expect(betaCdf(0.5, 2, 3)).toBeCloseTo(0.6875, 14);
    expect(betaCdf(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(betaCdf(0, 2, 3)).toBe(0);
    expect(betaCdf(1, 2, 3)).toBe(1);
  });
});

describe('betaQuantile', () => {
  // Closed forms: Beta(1,1) is uniform; Beta(a,1) has CDF x^a; Beta(1,b) has CDF 1-(1-x)^b;
  // Beta(1/2,1/2) is the arcsine law with quantile sin^2(pi p / 2); symmetric shapes have median 1/2.
  const cases: [string, number, number, (p: number) => number][] = [
    ['Beta(1,1)', 1, 1, (p) => p],
    ['Beta(2,1)', 2, 1, (p) => Math.sqrt(p)],
    ['Beta(1,2)', 1, 2, (p) => 1 - Math.sqrt(1 - p)],
    ['Beta(5,1)', 5, 1, (p) => p ** (1 / 5)],
    ['Beta(1,3.5)', 1, 3.5, (p) => 1 - (1 - p) ** (1 / 3.5)],
    ['Beta(0.5,0.5)', 0.5, 0.5, (p) => Math.sin((Math.PI * p) / 2) ** 2],
  ];
  for (const [name, alpha, beta, exact] of cases) {
    it(`matches the closed form for ${name}`, () => {
      for (const p of [1e-12, 1e-6, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999]) {
        expect(betaQuantile(p, alpha, beta)).toBeCloseTo(exact(p), 12);
      }
    });
  }

  it('has median 1/2 for symmetric shapes', () => {
    for (const shape of [0.3, 1, 3, 50]) expect(betaQuantile(0.5, shape, shape)).toBeCloseTo(0.5, 12);
  });

  it('inverts the CDF for awkward shapes (tiny, skewed, large)', () => {
    const everywhere = [1e-10, 1e-4, 0.01, 0.2, 0.5, 0.8, 0.99, 1 - 1e-6];
    // For Beta(0.05, 0.05) quantiles above 1/2 round to 1 in double precision, so only the lower half is checked.
    const shapes = [
      [0.1, 3, everywhere],
      [0.05, 0.05, [1e-10, 0.01, 0.2, 0.5]],
      [2, 4, everywhere],
      [30, 70, everywhere],
      [1000, 9000, everywhere],
      [1e5, 2e5, everywhere],
    ] as const;
    for (const [alpha, beta, probabilities] of shapes) {
      for (const p of probabilities) {
        const x = betaQuantile(p, alpha, beta);
        const tail = Math.min(p, 1 - p);
        expect(Math.abs(betaCdf(x, alpha, beta) - p) / tail).toBeLessThan(1e-9);
      }
    }
  });
});
