import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  additiveFit,
  countSummaries,
  expectedValueOfPartialPerfectInformation as evppi,
  expectedValueOfPerfectInformation as evpi,
  intervalsFor,
  linearSplineFit,
  simulateYearOfCounts,
  splineKnots,
  waitOneYear,
} from '../../src/model/information';
import { createRng } from '../../src/model/random/rng';
import { standardNormal } from '../../src/model/random/sample';

function uniformColumn(seed: number, n: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: n }, () => rng());
}

function normalColumn(seed: number, n: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: n }, () => standardNormal(rng));
}

const npvColumns = fc.integer({ min: 2, max: 5 }).chain((options) =>
  fc.integer({ min: 2, max: 60 }).chain((n) =>
    fc.array(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: n, maxLength: n }), {
      minLength: options,
      maxLength: options,
    }),
  ),
);

describe('EVPI', () => {
  it('is worked by hand on two draws', () => {
    // Option 0 wins draw 0 by 1, option 1 wins draw 1 by 1: E[max] = 1, max E = 0.5.
    expect(evpi([Float64Array.of(1, 0), Float64Array.of(0, 1)])).toBeCloseTo(0.5, 14);
    // Weights 3:1: E[max] = 1, means 0.75 and 0.25.
    expect(evpi([Float64Array.of(1, 0), Float64Array.of(0, 1)], [3, 1])).toBeCloseTo(0.25, 14);
  });

  it('is exactly zero when one option has the highest NPV in every draw', () => {
    fc.assert(
      fc.property(npvColumns, fc.nat(), fc.double({ min: 0, max: 1e5, noNaN: true }), (columns, pick, margin) => {
        const npv = columns.map((c) => Float64Array.from(c));
        const winner = pick % npv.length;
        const n = npv[0]!.length;
        for (let i = 0; i < n; i++) {
          let max = -Infinity;
          npv.forEach((c, k) => {
            if (k !== winner) max = Math.max(max, c[i]!);
          });
          npv[winner]![i] = max + margin;
        }
        return evpi(npv) === 0;
      }),
      { numRuns: 200 },
    );
  });

  it('is never negative', () => {
    fc.assert(
      fc.property(npvColumns, (columns) => evpi(columns.map((c) => Float64Array.from(c))) >= 0),
      { numRuns: 200 },
    );
  });
});

describe('EVPPI', () => {
  it('never exceeds EVPI and is never negative', () => {
    fc.assert(
      fc.property(npvColumns, fc.integer({ min: 1, max: 1000 }), (columns, seed) => {
        const npv = columns.map((c) => Float64Array.from(c));
        const x = uniformColumn(seed, npv[0]!.length);
        const value = evppi(x, npv);
        return value >= 0 && value <= evpi(npv);
      }),
      { numRuns: 200 },
    );
  });

  it('is zero for an input that does not vary', () => {
    const n = 5_000;
    const npv = [new Float64Array(n), normalColumn(1, n)];
    expect(evppi(new Float64Array(n).fill(0.25), npv)).toBe(0);
  });

  it('is close to zero for an input independent of NPV (the upward bias of a noisy fit is small)', () => {
    // Option 1's NPV is N(0, 1), unrelated to x; EVPI = E[max(0, Z)] = 1 / sqrt(2 pi) = 0.399.
    const n = 20_000;
    const npv = [new Float64Array(n), normalColumn(2, n)];
    const value = evppi(uniformColumn(3, n), npv);
    expect(value).toBeLessThan(0.03 * evpi(npv));
  });

  it('equals EVPI when NPV depends on that input alone', () => {
    // NPV_1 = x - 0.5, x ~ U(0, 1): EVPI = E[max(0, x - 0.5)] = 0.125 (by hand); x tells all.
    const n = 20_000;
    const x = uniformColumn(4, n);
    const npv = [new Float64Array(n), x.map((v) => v - 0.5)];
    expect(evppi(x, npv)).toBeCloseTo(evpi(npv), 10);
    expect(evpi(npv)).toBeCloseTo(0.125, 2);
  });

  it('matches the closed form when NPV = x + independent noise', () => {
    // NPV_1 = X + Y, X, Y ~ N(0, 1) independent: E[NPV_1 | X] = X, so EVPPI(X) = E[max(0, X)] - 0
    // = 1 / sqrt(2 pi) = 0.39894 (standard normal partial expectation).
    const n = 40_000;
    const x = normalColumn(5, n);
    const y = normalColumn(6, n);
    const npv = [new Float64Array(n), x.map((v, i) => v + y[i]!)];
    expect(Math.abs(evppi(x, npv) - 1 / Math.sqrt(2 * Math.PI))).toBeLessThan(0.015);
  });

  it('uses the weights: an input that matters only in the heavily weighted draws', () => {
    const n = 4_000;
    const x = uniformColumn(7, n);
    // Draws 0..1999: NPV_1 = x - 0.5; draws 2000..: NPV_1 = -1 whatever x. Weighting only the first half
    // gives EVPPI = EVPI = 0.125.
    const npv = [new Float64Array(n), Float64Array.from(x, (v, i) => (i < 2000 ? v - 0.5 : -1))];
    const weights = Float64Array.from({ length: n }, (_, i) => (i < 2000 ? 1 : 0));
    expect(evppi(x, npv, weights)).toBeCloseTo(0.125, 1);
    expect(evppi(x, npv, weights)).toBeCloseTo(evpi(npv, weights), 10);
  });
});

describe('the smoother', () => {
  it('reproduces a straight line and preserves the weighted mean', () => {
    const n = 3_000;
    const x = uniformColumn(8, n);
    const line = x.map((v) => 3 * v - 1);
    const noisy = Float64Array.from(normalColumn(9, n), (e, i) => line[i]! + e);
    const weights = uniformColumn(10, n);
    const [fittedLine, fittedNoisy] = linearSplineFit(x, [line, noisy], weights);
    for (let i = 0; i < n; i += 97) expect(fittedLine![i]).toBeCloseTo(line[i]!, 8);
    let meanY = 0;
    let meanFit = 0;
    let total = 0;
    for (let i = 0; i < n; i++) {
      meanY += weights[i]! * noisy[i]!;
      meanFit += weights[i]! * fittedNoisy![i]!;
      total += weights[i]!;
    }
    expect(meanFit / total).toBeCloseTo(meanY / total, 8);
  });

  it('chooses its intervals by round(2 ESS^(1/5)) within [2, 24] and puts knots on draws', () => {
    expect(intervalsFor(10_000)).toBe(13);
    expect(intervalsFor(100_000)).toBe(20);
    expect(intervalsFor(1)).toBe(2);
    expect(Array.from(splineKnots([5, 1, 3, 2, 4], [1, 1, 1, 1, 1], 2))).toEqual([1, 3, 5]);
    expect(Array.from(splineKnots([1, 1, 1, 2], [1, 1, 1, 1], 4))).toEqual([1, 2]);
  });

  it('the additive fit recovers a sum of two smooth functions and their product', () => {
    const n = 5_000;
    const a = uniformColumn(11, n);
    const b = uniformColumn(12, n);
    const y = Float64Array.from(a, (v, i) => Math.sin(3 * v) + b[i]! ** 2 + v * b[i]!);
    const [fitted] = additiveFit([a, b], [y]);
    let worst = 0;
    for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(fitted![i]! - y[i]!));
    expect(worst).toBeLessThan(0.05);
  });
});

describe('wait one year', () => {
  it('is null with no extension year to take', () => {
    expect(waitOneYear([new Float64Array(3)], [new Float64Array(3)])).toBeNull();
  });

  it('counts that reveal everything are worth the perfect information among options with a year', () => {
    // Options 1 and 2 swap on theta; the summary is theta itself.
    const n = 10_000;
    const theta = uniformColumn(13, n);
    const npv = [new Float64Array(n).fill(0.1), theta.map((t) => t - 0.5), theta.map((t) => 0.5 - t)];
    const result = waitOneYear([theta], npv)!;
    // max_k E: option 0 at 0.1 (options 1, 2 average about 0). Waiting: E[|theta - 0.5|] = 0.25 > 0.1.
    expect(result.bestOptionNow).toBe(0);
    expect(result.valueOfCommittingNow).toBeCloseTo(0.1, 12);
    expect(result.valueOfWaiting).toBeCloseTo(0.25, 2);
    expect(result.sampleInformation).toBeLessThanOrEqual(evpi(npv.slice(1)) + 1e-12);
  });

  it('counts unrelated to the outcome are worth about nothing', () => {
    const n = 10_000;
    const theta = uniformColumn(14, n);
    const npv = [new Float64Array(n), theta.map((t) => t - 0.4), theta.map((t) => 0.6 - t)];
    const result = waitOneYear([uniformColumn(15, n), uniformColumn(16, n)], npv)!;
    expect(result.sampleInformation).toBeLessThan(0.005);
    expect(result.valueOfWaiting).toBeCloseTo(
      Math.max(...[1, 2].map((k) => npv[k]!.reduce((s, v) => s + v, 0) / n)) + result.sampleInformation,
      10,
    );
  });

  it('simulated counts are whole numbers within their trials, and summaries are defined at zero', () => {
    const n = 1_000;
    const counts = simulateYearOfCounts(createRng(17), {
      referralMean: new Float64Array(n).fill(60),
      followedUpMean: new Float64Array(n).fill(40),
      breakdownProbability: new Float64Array(n).fill(0.2),
      residentialEscalation: new Float64Array(n).fill(0.25),
    });
    for (let i = 0; i < n; i++) {
      expect(Number.isInteger(counts.followedUp[i])).toBe(true);
      expect(counts.breakdowns[i]).toBeLessThanOrEqual(counts.followedUp[i]!);
      expect(counts.residentialEntries[i]).toBeLessThanOrEqual(counts.breakdowns[i]!);
    }
    const [, rate, share] = countSummaries({
      referrals: Float64Array.of(0),
      followedUp: Float64Array.of(0),
      breakdowns: Float64Array.of(0),
      residentialEntries: Float64Array.of(0),
    });
    expect([rate![0], share![0]]).toEqual([0.5, 0.5]);
  });
});
