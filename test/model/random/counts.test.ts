import { describe, expect, it } from 'vitest';
import { binomial, BinomialTables, createRng, logFactorial, poisson, PoissonTable } from '../../../src/model/random';
import { expectMoments } from './moments';

const draws = (count: number, draw: () => number): Float64Array => Float64Array.from({ length: count }, draw);

/** Pearson chi-square of observed counts against exact probabilities, pooling cells expected below 5. */
function chiSquare(
  observed: Map<number, number>,
  probability: (k: number) => number,
  low: number,
  high: number,
  total: number,
): { statistic: number; cells: number } {
  let statistic = 0;
  let cells = 0;
  let pooledExpected = 0;
  let pooledObserved = 0;
  for (let k = low; k <= high; k++) {
    pooledExpected += total * probability(k);
    pooledObserved += observed.get(k) ?? 0;
    if (pooledExpected >= 5) {
      statistic += (pooledObserved - pooledExpected) ** 2 / pooledExpected;
      cells++;
      pooledExpected = 0;
      pooledObserved = 0;
    }
  }
  return { statistic, cells };
}

const tally = (values: Float64Array): Map<number, number> => {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
};

describe('poisson', () => {
  it('mean and variance equal the mean, for small and large means (inversion and PTRS)', () => {
    for (const mean of [0.3, 4, 9.99, 10, 37.5, 1000, 1e6]) {
      const rng = createRng(`poisson ${mean}`);
      const values = draws(10_000, () => poisson(rng, mean));
      for (const v of values) expect(Number.isInteger(v) && v >= 0).toBe(true);
      expectMoments(values, mean, Math.sqrt(mean));
    }
    expect(poisson(createRng(1), 0)).toBe(0);
  });

  it('matches the exact probabilities (chi-square, 100,000 draws, PTRS regime)', () => {
    const mean = 15;
    const rng = createRng(3);
    const values = draws(100_000, () => poisson(rng, mean));
    const { statistic, cells } = chiSquare(
      tally(values),
      (k) => Math.exp(-mean + k * Math.log(mean) - logFactorial(k)),
      0,
      60,
      values.length,
    );
    // Chi-square with about 25 degrees of freedom: mean 25, sd 7; 70 is far beyond the 99.99th percentile.
    expect(cells).toBeGreaterThan(20);
    expect(statistic).toBeLessThan(70);
  });
});

/** P(k successes) of Binomial(n, p), from log-factorials. */
const binomialProbability =
  (n: number, p: number) =>
  (k: number): number =>
    Math.exp(logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(p) + (n - k) * Math.log1p(-p));

describe('binomial', () => {
  it('mean n p and variance n p (1 - p), for inversion, BTRS and p > 1/2', () => {
    for (const [n, p] of [
      [20, 0.2],
      [5, 0.9],
      [100, 0.3],
      [10_000, 0.3],
      [10_000, 0.999],
      [10_000, 0.0005],
      [1e6, 0.5],
    ] as const) {
      const rng = createRng(`binomial ${n} ${p}`);
      const values = draws(10_000, () => binomial(rng, n, p));
      for (const v of values) expect(Number.isInteger(v) && v >= 0 && v <= n).toBe(true);
      expectMoments(values, n * p, Math.sqrt(n * p * (1 - p)));
    }
  });

  it('handles the edges', () => {
    const rng = createRng(1);
    expect(binomial(rng, 0, 0.5)).toBe(0);
    expect(binomial(rng, 10, 0)).toBe(0);
    expect(binomial(rng, 10, 1)).toBe(10);
    expect(() => binomial(rng, 2.5, 0.5)).toThrow(/whole number/);
  });

  it('matches the exact probabilities (chi-square, 100,000 draws) in both regimes', () => {
    for (const [n, p] of [
      [100, 0.3],
      [30, 0.1],
    ] as const) {
      const rng = createRng(4);
      const values = draws(100_000, () => binomial(rng, n, p));
      const { statistic, cells } = chiSquare(tally(values), binomialProbability(n, p), 0, n, values.length);
      expect(cells).toBeGreaterThan(8);
      expect(statistic).toBeLessThan(cells + 6 * Math.sqrt(2 * cells));
    }
  });

  it('guards against change, not truth: first draws for seed 42', () => {
    const rng = createRng(42);
    expect([poisson(rng, 3), poisson(rng, 300), binomial(rng, 20, 0.2), binomial(rng, 1000, 0.4)]).toEqual(GUARD_42);
  });
});

describe('PoissonTable (process variability referrals of one mean)', () => {
  it("gives poisson()'s very counts below a mean of 10, from the same uniforms (both invert the same sums)", () => {
    const table = new PoissonTable();
    for (const mean of [0, 0.3, 4, 9.99]) {
      const a = createRng(`table ${mean}`);
      const b = createRng(`table ${mean}`);
      for (let i = 0; i < 20_000; i++) expect(table.draw(b, mean)).toBe(poisson(a, mean));
    }
  });

  it('matches the exact probabilities (chi-square, 100,000 draws) above it, the mean changing between runs of draws', () => {
    const table = new PoissonTable();
    for (const mean of [15, 150, 15]) {
      const rng = createRng(`table chi ${mean}`);
      const values = draws(100_000, () => table.draw(rng, mean));
      for (const v of values.subarray(0, 1000)) expect(Number.isInteger(v) && v >= 0).toBe(true);
      const { statistic, cells } = chiSquare(
        tally(values),
        (k) => Math.exp(-mean + k * Math.log(mean) - logFactorial(k)),
        0,
        Math.ceil(mean + 12 * Math.sqrt(mean)),
        values.length,
      );
      expect(cells).toBeGreaterThan(20);
      expect(statistic).toBeLessThan(cells + 6 * Math.sqrt(2 * cells));
    }
  });

  it('reads past its end when a uniform is above its last sum, and refuses a mean too large for a table', () => {
    const table = new PoissonTable();
    const nearOne = () => 1 - 2 ** -53;
    // The same count poisson() gives for the largest uniform below 1 (the sum goes on term by term).
    expect(table.draw(nearOne, 4)).toBe(poisson(nearOne, 4));
    expect(table.draw(nearOne, 15)).toBeGreaterThan(40);
    expect(() => table.draw(createRng(1), PoissonTable.LARGEST_MEAN + 1)).toThrow(/mean/);
  });
});

describe('BinomialTables (process variability outcomes)', () => {
  it("gives binomial()'s counts below a mean of 10 from the same uniforms, three chances taking turns in two slots", () => {
    const tables = new BinomialTables();
    const a = createRng('tables');
    const b = createRng('tables');
    const cases = [
      [4, 0.3],
      [1, 0.5],
      [10, 0.7],
      [200, 0.02],
      [6, 0.999],
      [0, 0.4],
      [7, 0],
      [7, 1],
    ] as const;
    for (let i = 0; i < 40_000; i++) {
      const [n, p] = cases[i % cases.length]!;
      expect(tables.draw(b, n, p)).toBe(binomial(a, n, p));
    }
  });

  it('matches the exact probabilities (chi-square, 100,000 draws) where binomial() would use BTRS, and hands 256 trials and more to binomial()', () => {
    const tables = new BinomialTables();
    const rng = createRng('tables chi');
    const values = draws(100_000, () => tables.draw(rng, 100, 0.3));
    const { statistic, cells } = chiSquare(tally(values), binomialProbability(100, 0.3), 0, 100, values.length);
    expect(cells).toBeGreaterThan(8);
    expect(statistic).toBeLessThan(cells + 6 * Math.sqrt(2 * cells));
    expect(tables.draw(createRng(9), 1000, 0.4)).toBe(binomial(createRng(9), 1000, 0.4));
  });
});

// Recorded from this implementation.
const GUARD_42 = [3, 307, 4, 402];
