import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../../src/model/distribution';
import { betaCdf, createRng, latinHypercube, standardNormalCdf } from '../../../src/model/random';
import { expectMoments } from './moments';

describe('latinHypercube', () => {
  const count = 1000;
  const distributions: Distribution[] = [
    { dist: 'uniform', min: 0, max: 1 },
    { dist: 'pert', min: 0, mode: 1, max: 4 },
    { dist: 'normal', mean: 0, sd: 1 },
  ];
  // The CDF of each input, to find which stratum a draw fell in.
  const cdfs = [(x: number) => x, (x: number) => betaCdf(x / 4, 2, 4), standardNormalCdf];

  it('puts exactly one draw in each of the n strata of every column', () => {
    const columns = latinHypercube(createRng(9), distributions, count);
    columns.forEach((column, j) => {
      const strata = Array.from(column, (x) => Math.floor(cdfs[j]!(x) * count)).sort((a, b) => a - b);
      expect(strata).toEqual(Array.from({ length: count }, (_, i) => i));
    });
  });

  it('shuffles the strata (not left in order) and is fixed by the seed', () => {
    const [column] = latinHypercube(createRng(9), distributions, count);
    let rises = 0;
    for (let i = 1; i < count; i++) if (column![i]! > column![i - 1]!) rises++;
    expect(rises).toBeGreaterThan(400);
    expect(rises).toBeLessThan(600);
    expect(latinHypercube(createRng(9), distributions, 50)).toEqual(latinHypercube(createRng(9), distributions, 50));
    expect(latinHypercube(createRng(9), distributions, 50)).not.toEqual(latinHypercube(createRng(10), distributions, 50));
  });

  it('has the exact mean and sd (PERT Beta(2,4) on [0, 4]: mean 4/3, variance 16 * 8 / 252)', () => {
    const [, pert] = latinHypercube(createRng(2), distributions, 10_000);
    expectMoments(pert!, 4 / 3, Math.sqrt((16 * 8) / 252));
  });

  it('guards against change, not truth: first draws for seed 42', () => {
    const columns = latinHypercube(createRng(42), distributions, 4);
    expect(columns.map((column) => Array.from(column))).toEqual(GUARD_42);
  });
});

// Recorded from this implementation.
const GUARD_42: number[][] = [
  [0.4122586306711684, 0.8558376812224299, 0.1299599195132208, 0.5088414405646104],
  [1.0506043471049202, 2.349083334804685, 0.7109887319106354, 1.3377347575726701],
  [1.4793902266161092, -0.2608952263035582, 0.6385377509059317, -1.3922030003800776],
];
