// Whole-run draws in steps (src/run/sampling.ts): the pool's threads share the pieces, and Iman-Conover
// rearranges only the inputs a correlation names.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { BLOCK_SIZE, blockDraws, drawSources } from '../../src/run/draws';
import { drawsByBlock, monteCarloRequest, runMonteCarloInProcess } from '../../src/run/montecarlo';
import { RunPool } from '../../src/run/pool';
import { drawPieceCount, fullRunDraws, lentColumns } from '../../src/run/sampling';
import { imanConover } from '../../src/model/random/correlate';
import { createRng } from '../../src/model/random/rng';
import { quantileFunction } from '../../src/model/random/quantile';
import { loadScenario } from '../../src/scenario/load';

const loaded = loadScenario(readFileSync('scenarios/class-central.yaml', 'utf8'), 'class-central.yaml');
if (!loaded.ok) throw new Error('bundled scenario invalid');
const scenario = loaded.scenario;
const sources = drawSources(scenario);
const pool = new RunPool({ threads: 2, maxQueue: 1, timeoutMs: 60_000 });
afterAll(() => pool.destroy());

/** Spearman's rank correlation of two columns (no ties among continuous draws). */
function rankCorrelation(x: Float64Array, y: Float64Array): number {
  const ranks = (v: Float64Array): Float64Array => {
    const order = Array.from(v.keys()).sort((a, b) => v[a]! - v[b]!);
    const r = new Float64Array(v.length);
    order.forEach((i, rank) => (r[i] = rank));
    return r;
  };
  const [a, b] = [ranks(x), ranks(y)];
  const mean = (x.length - 1) / 2;
  let ab = 0;
  let aa = 0;
  for (let i = 0; i < x.length; i++) {
    ab += (a[i]! - mean) * (b[i]! - mean);
    aa += (a[i]! - mean) ** 2;
  }
  return ab / aa;
}

describe('whole-run draws', () => {
  it('has at least three uncertain inputs in the bundled central case to work with', () => {
    expect(sources.length).toBeGreaterThanOrEqual(3);
  });

  it(
    'gives the same figures on the pool (pieces shared by two threads) as in process: Latin hypercube with a correlation',
    { timeout: 60_000 },
    async () => {
      const request = {
        ...monteCarloRequest(scenario, { iterations: 140_000, seed: 21 }),
        sampling: 'latin_hypercube' as const,
        correlations: [{ between: [sources[0]!.path, sources[1]!.path] as [string, string], rank: 0.5 }],
      };
      // A piece per block of 4,096 draws, shared between the threads; columns of 65,536 draws or
      // more take beta and PERT quantiles from a table, which each thread builds for itself.
      expect(drawPieceCount(sources, request)).toBe(Math.ceil(140_000 / 4_096));
      const [onWorkers, inProcess] = await Promise.all([
        pool.monteCarlo(scenario, request),
        Promise.resolve(runMonteCarloInProcess(scenario, request)),
      ]);
      for (let k = 0; k < inProcess.length; k++) expect(onWorkers[k]!.perspectives).toEqual(inProcess[k]!.perspectives);
    },
  );

  it(
    'gives the same figures on the pool (blocks on two threads, no whole-run draws) as in process: Latin hypercube',
    { timeout: 60_000 },
    async () => {
      const request = { ...monteCarloRequest(scenario, { iterations: 70_000, seed: 8 }), sampling: 'latin_hypercube' as const };
      expect(drawsByBlock(request)).toBe(true);
      const [onWorkers, inProcess] = await Promise.all([
        pool.monteCarlo(scenario, request),
        Promise.resolve(runMonteCarloInProcess(scenario, request)),
      ]);
      for (let k = 0; k < inProcess.length; k++) expect(onWorkers[k]!.perspectives).toEqual(inProcess[k]!.perspectives);
    },
  );

  it('makes Latin hypercube columns block by block that put one draw in each stratum over the whole run, and that whole-run draws repeat', () => {
    const iterations = 3 * BLOCK_SIZE + 1000;
    const request = { ...monteCarloRequest(scenario, { iterations, seed: 4 }), sampling: 'latin_hypercube' as const };
    const byBlock = sources.map(() => new Float64Array(iterations));
    for (let block = 0; block * BLOCK_SIZE < iterations; block++) {
      const from = block * BLOCK_SIZE;
      const to = Math.min(iterations, from + BLOCK_SIZE);
      blockDraws(sources, request, block, to - from).forEach((column, s) => byBlock[s]!.set(column, from));
    }
    // Uncorrelated whole-run draws (a correlation of 0 makes the run keep them) are the same columns.
    const whole = fullRunDraws(sources, { ...request, correlations: [{ between: [sources[0]!.path, sources[1]!.path], rank: 0 }] });
    sources.forEach((_, j) => {
      if (j > 1) expect(whole[j]).toEqual(byBlock[j]);
    });
    // Each continuous input's draws, sorted, are one per stratum: draw k of the sorted column lies
    // at or above the quantile at k / n and below the one at (k + 1) / n.
    for (const [j, source] of sources.entries()) {
      if (source.distribution.dist === 'discrete') continue;
      const sorted = Float64Array.from(byBlock[j]!).sort();
      const q = quantileFunction(source.distribution);
      let outside = 0;
      for (let k = 0; k < iterations; k++) outside += +!(sorted[k]! >= q(k / iterations) && sorted[k]! <= q((k + 1) / iterations));
      expect(outside).toBe(0);
    }
  });

  it('gives the same figures on the pool as in process: random sampling with a correlation', { timeout: 60_000 }, async () => {
    const request = {
      ...monteCarloRequest(scenario, { iterations: 30_000, seed: 5 }),
      correlations: [{ between: [sources[1]!.path, sources[2]!.path] as [string, string], rank: -0.4 }],
    };
    const [onWorkers, inProcess] = await Promise.all([
      pool.monteCarlo(scenario, request),
      Promise.resolve(runMonteCarloInProcess(scenario, request)),
    ]);
    for (let k = 0; k < inProcess.length; k++) expect(onWorkers[k]!.perspectives).toEqual(inProcess[k]!.perspectives);
  });

  it('rearranges only the inputs a correlation names, to the rank correlation asked for; the others keep their draws', () => {
    const plain = monteCarloRequest(scenario, { iterations: 20_000, seed: 3 });
    const correlated = { ...plain, correlations: [{ between: [sources[0]!.path, sources[2]!.path] as [string, string], rank: 0.6 }] };
    const before = fullRunDraws(sources, { ...plain, correlations: [{ between: [sources[0]!.path, sources[2]!.path], rank: 0 }] });
    const uncorrelated = fullRunDraws(sources, { ...plain, sampling: 'random' });
    const after = fullRunDraws(sources, correlated);
    // Inputs not named: the very draws of an uncorrelated run.
    sources.forEach((_, j) => {
      if (j !== 0 && j !== 2) expect(after[j]).toEqual(uncorrelated[j]);
    });
    // Named inputs: the same values, in a new order, with about the rank correlation asked for
    // (within 0.05; this seed gives 0.598).
    for (const j of [0, 2]) expect(Float64Array.from(after[j]!).sort()).toEqual(Float64Array.from(uncorrelated[j]!).sort());
    expect(rankCorrelation(after[0]!, after[2]!)).toBeCloseTo(0.6, 1);
    expect(Math.abs(rankCorrelation(before[0]!, before[2]!))).toBeLessThan(0.03);
  });
});

describe('Iman-Conover in lent memory (the run output, before it is written)', () => {
  it('gives the same columns as in its own arrays, carving what fits and making the rest', () => {
    const n = 5_000;
    const make = (seed: number): Float64Array[] => {
      const rng = createRng(seed);
      return [0, 1, 2].map(() => Float64Array.from({ length: n }, () => rng()));
    };
    const matrix = [
      [1, 0.5, 0],
      [0.5, 1, -0.3],
      [0, -0.3, 1],
    ];
    const own = imanConover(createRng('ic'), make(1), matrix);
    // Room for some of the working columns only: the rest are made as usual.
    const buffer = new SharedArrayBuffer(n * 8 * 3 + n * 4 * 2 + 8);
    const lent = lentColumns(buffer);
    const inLent = imanConover(createRng('ic'), make(1), matrix, undefined, undefined, lent);
    expect(own.ok && inLent.ok).toBe(true);
    if (!own.ok || !inLent.ok) return;
    inLent.columns.forEach((column, j) => expect(Array.from(column)).toEqual(Array.from(own.columns[j]!)));
    expect(lent.used()).toBe(n * 8 * 3 + n * 4 * 2);
    expect(lent.used()).toBeLessThanOrEqual(buffer.byteLength);
  });
});
