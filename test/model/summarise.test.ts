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

describe('one description of avoided cost serves every perspective when the contract cost is fixed', () => {
  it("gives what describing each perspective's own NPV column gives", async () => {
    const { createOutput, simulateBlock, simulationLayout, VARYING_FIELDS, costOf } = await import('../../src/model/simulate');
    const { summariseOption, describeColumn, countAbove } = await import('../../src/model/summarise');
    const { inputs } = await import('./fixtures');
    const base = inputs({
      start: { year: 2025, month: 1 },
      baseEnd: { year: 2027, month: 3 },
      maxExtensionYears: 2,
      annualValue: 660_546,
      externalShare: 0.9,
      referralsPerYear: 60,
      capacityPerMonth: 4,
      councils: [
        { name: 'A', childrenShare: 0.3, matchShare: 0.5 },
        { name: 'B', childrenShare: 0.7, matchShare: 0.5 },
      ],
    });
    const n = 3000;
    let x = 7;
    const random = (): number => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
    const columns = Object.fromEntries(VARYING_FIELDS.map((f) => [f, base[f]])) as Record<string, number | Float64Array>;
    columns.effectiveness = Float64Array.from({ length: n }, () => 0.05 + 0.6 * random());
    columns.residentialWeeklyCost = Float64Array.from({ length: n }, () => 3000 + 6000 * random());
    const plan = { base, longestWeeks: 52, processVariability: false, fanIterations: 100 };
    const layout = simulationLayout(plan);
    const out = createOutput(layout, {
      iterations: n,
      fanIterations: 100,
      costShapeVaries: false,
      fewCostShapes: false,
      cashablePerDraw: true,
    });
    simulateBlock({ plan, layout, columns: { ...columns, scheduleShares: [] } as never, columnOffset: 0, from: 0, to: n, out, rng: null });
    const k = 2;
    const summary = summariseOption(out, layout, base, k);
    layout.perspectives.forEach((name, p) => {
      const council = p === 0 ? null : base.councils[p - 1]!;
      const column = Float64Array.from(
        { length: n },
        (_, i) =>
          (council ? council.childrenShare : 1) * out.avoidedCostPV[k]![i]! -
          (council ? council.matchShare : 1) * costOf(out, k, i, council ? 3 : 1),
      );
      const direct = describeColumn(column);
      const fast = summary[name]!;
      for (const key of ['mean', 'sem', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95'] as const) {
        expect(fast.npv[key]).toBeCloseTo(direct.summary[key], 4);
      }
      expect(fast.probabilityNpvPositive).toBe(direct.positive / n);
      expect(fast.npvHistogram.counts).toEqual(direct.histogram.counts);
    });
    expect(countAbove(Float64Array.of(1, 5, 9), [4, 8])).toEqual([2, 1]);
  });
});
