/**
 * The decision cabinet takes (shared/model.md section 18): hand-worked values on three draws,
 * and properties over random draws (fast-check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestOf, breakEvenAnnualPrice, perspectiveDecision, type CentralFigures, type PerspectiveDraws } from '../../src/model/decision';
import { expectedValueOfPerfectInformation } from '../../src/model/information';

const f64 = (values: number[]): Float64Array => Float64Array.from(values);

describe('the best of some NPVs', () => {
  it('is the highest, ties within GBP 0.01 going to the fewest extension years', () => {
    expect(bestOf([100, 150, 120])).toBe(1);
    expect(bestOf([100, 150, 149.995])).toBe(1);
    expect(bestOf([150, 100, 150.009])).toBe(0);
    expect(bestOf([150, 100, 150.011])).toBe(2);
  });
});

describe('expected loss, chance best and break-even price on three draws, worked by hand', () => {
  // NPVs of options 0, 1, 2 in three draws:
  //   draw 1: 100, 80, 120      -> best 2 (highest 120); losses 20, 40, 0
  //   draw 2: 0, 30, -10        -> best 1 (highest 30);  losses 30, 0, 40
  //   draw 3: 50, 50.005, 40    -> 0 and 1 tie within GBP 0.01, best 0 (fewest years); highest 50.005;
  //                                losses 0.005, 0, 10.005
  // Expected loss: option 0 (20 + 30 + 0.005) / 3 = 16.668333; option 1 40 / 3 = 13.333333;
  // option 2 (0 + 40 + 10.005) / 3 = 16.668333. Chance best: 1/3 each.
  // Mean NPVs 50, 53.335, 50: option 1 is best; EVPI = (120 + 30 + 50.005) / 3 - 53.335 = 13.333333.
  // Standard errors (sample sd / sqrt 3): loss of option 1, values 40, 0, 0: sd = sqrt(((80/3)^2 +
  // 2 (40/3)^2) / 2) = 23.094011, sem = 13.333333; chance best of option 0, values 0, 0, 1:
  // sd = sqrt(1/3), sem = 1/3.
  const draws: PerspectiveDraws = {
    npv: [f64([100, 0, 50]), f64([80, 30, 50.005]), f64([120, -10, 40])],
    netCash: [f64([110, 10, 60]), f64([100, 40, 70]), f64([150, 0, 60])],
    netBudget: [f64([5, -5, 0]), f64([20, 10, -30]), f64([0, 0, 0])],
    meanCostPV: [1000, 1500, 2000],
  };
  const central: CentralFigures = { npv: [40, 60, 30], netCash: [50, 80, 50], costPV: [1000, 1400, 1800], netBudget: [1, 4, 2] };
  const decision = perspectiveDecision(central, 600, { draws, endMonth: [27, 39, 51], terms: [27, 39, 51], weights: null });

  it('gives each option its expected loss and chance of being best, with standard errors', () => {
    const [o0, o1, o2] = decision.options;
    expect(o0!.expectedLoss).toBeCloseTo(16.668333, 5);
    expect(o1!.expectedLoss).toBeCloseTo(13.333333, 5);
    expect(o2!.expectedLoss).toBeCloseTo(16.668333, 5);
    expect(o1!.expectedLossSem).toBeCloseTo(13.333333, 5);
    for (const o of decision.options) expect(o.probabilityBest).toBeCloseTo(1 / 3, 12);
    expect(o0!.probabilityBestSem).toBeCloseTo(1 / 3, 12);
    expect(decision.bestOption).toBe(1);
    expect(decision.bestOptionCentral).toBe(1);
    expect(expectedValueOfPerfectInformation(draws.npv)).toBeCloseTo(o1!.expectedLoss!, 9);
  });

  it('gives incremental and marginal figures against option 0 and the option before', () => {
    const [o0, o1, o2] = decision.options;
    expect(o0!.incrementalNpv).toEqual({ central: 0, mean: 0, sem: 0, p10: 0, p50: 0, p90: 0, probabilityPositive: 0 });
    expect(o0!.marginalNpv).toBeNull();
    // Option 1 - option 0 per draw: -20, 30, 0.005 -> mean 3.335; central 60 - 40 = 20.
    expect(o1!.incrementalNpv.central).toBe(20);
    expect(o1!.incrementalNpv.mean).toBeCloseTo(3.335, 9);
    expect(o1!.incrementalNpv.probabilityPositive).toBeCloseTo(2 / 3, 12);
    // Option 2 - option 1 per draw: 40, -40, -10.005 -> mean -3.335; central 30 - 60 = -30.
    expect(o2!.marginalNpv!.central).toBe(-30);
    expect(o2!.marginalNpv!.mean).toBeCloseTo(-3.335, 9);
    // Budget effect of option 1 - option 0: 15, 15, -30 -> mean 0, chance above 0 two in three;
    // central 4 - 1 = 3.
    expect(o1!.incrementalNetBudgetEffect!.mean).toBeCloseTo(0, 12);
    expect(o1!.incrementalNetBudgetEffect!.probabilityPositive).toBeCloseTo(2 / 3, 12);
    expect(o1!.incrementalNetBudgetEffect!.central).toBe(3);
    // Net cash of option 2 - option 0: 40, -10, 0 -> mean 10; P50 0 (type 7 on -10, 0, 40).
    expect(o2!.incrementalNetCash.mean).toBeCloseTo(10, 9);
    expect(o2!.incrementalNetCash.p50).toBeCloseTo(0, 9);
  });

  it('gives the break-even annual price from the mean increment and the extension years cost', () => {
    // Option 1: 600 x (1 + 3.335 / (1500 - 1000)) = 604.002; central 600 x (1 + 20 / 400) = 630.
    expect(decision.options[1]!.breakEvenAnnualPrice).toBeCloseTo(604.002, 9);
    expect(decision.options[1]!.breakEvenAnnualPriceCentral).toBeCloseTo(630, 9);
    // Option 2: increments 20, -10, -10, mean 0: the extension years just break even at 600.
    expect(decision.options[2]!.breakEvenAnnualPrice).toBeCloseTo(600, 9);
    expect(breakEvenAnnualPrice(660_546, -100_000, 400_000)).toBeCloseTo(495_409.5, 6);
    expect(breakEvenAnnualPrice(660_546, -100_000, 0)).toBeNull();
    expect(decision.options[0]!.breakEvenAnnualPrice).toBeNull();
  });

  it('counts the draws in which the contract ended before each option term', () => {
    const ended = perspectiveDecision(central, 600, { draws, endMonth: [27, 39, 27], terms: [27, 39, 51], weights: null });
    // End months 27, 39, 27: option 0 (27 months) never ends early; option 1 (39) in draws 1 and 3;
    // option 2 (51) in all three.
    expect(ended.options.map((o) => o.probabilityEndedEarly)).toEqual([0, 2 / 3, 1]);
  });

  it('weights the draws after an update', () => {
    // All the weight on draw 2: option 1 is best for certain, its loss 0, option 2's loss 40.
    const weighted = perspectiveDecision(central, 600, { draws, endMonth: [27, 39, 51], terms: [27, 39, 51], weights: f64([0, 1, 0]) });
    expect(weighted.bestOption).toBe(1);
    expect(weighted.options[1]!.probabilityBest).toBeCloseTo(1, 12);
    expect(weighted.options[2]!.expectedLoss).toBeCloseTo(40, 9);
  });

  it('has no Monte Carlo figures without draws', () => {
    const alone = perspectiveDecision(central, 600, null);
    expect(alone.bestOption).toBe(1);
    expect(alone.options[1]).toMatchObject({
      probabilityBest: null,
      expectedLoss: null,
      breakEvenAnnualPrice: null,
      breakEvenAnnualPriceCentral: 630,
      probabilityEndedEarly: null,
    });
    expect(alone.options[2]!.incrementalNpv).toEqual({
      central: -10,
      mean: null,
      sem: null,
      p10: null,
      p50: null,
      p90: null,
      probabilityPositive: null,
    });
  });
});

describe('decision properties over random draws', () => {
  const matrix = fc.integer({ min: 1, max: 5 }).chain((options) =>
    fc.integer({ min: 1, max: 40 }).chain((n) =>
      fc.array(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: n, maxLength: n }), {
        minLength: options,
        maxLength: options,
      }),
    ),
  );
  const decide = (rows: number[][]) => {
    const npv = rows.map(f64);
    const draws: PerspectiveDraws = { npv, netCash: npv, netBudget: npv, meanCostPV: rows.map(() => 1) };
    const central: CentralFigures = {
      npv: rows.map((r) => r[0]!),
      netCash: rows.map((r) => r[0]!),
      costPV: rows.map(() => 1),
      netBudget: rows.map((r) => r[0]!),
    };
    return {
      npv,
      decision: perspectiveDecision(central, 100, { draws, endMonth: rows[0]!.map(() => 0), terms: rows.map(() => 0), weights: null }),
    };
  };

  it('probabilities best sum to 1', () => {
    fc.assert(
      fc.property(matrix, (rows) => {
        const total = decide(rows).decision.options.reduce((sum, o) => sum + o.probabilityBest!, 0);
        expect(total).toBeCloseTo(1, 12);
      }),
    );
  });

  it("the best option's expected loss equals EVPI (within GBP 0.01) and is the smallest", () => {
    fc.assert(
      fc.property(matrix, (rows) => {
        const { npv, decision } = decide(rows);
        const best = decision.options[decision.bestOption]!.expectedLoss!;
        expect(Math.abs(best - expectedValueOfPerfectInformation(npv))).toBeLessThanOrEqual(0.01);
        for (const o of decision.options) expect(o.expectedLoss!).toBeGreaterThanOrEqual(best - 0.01);
      }),
    );
  });

  it('option 0 adds nothing to itself', () => {
    fc.assert(
      fc.property(matrix, (rows) => {
        const o0 = decide(rows).decision.options[0]!;
        expect(o0.incrementalNpv.central).toBe(0);
        expect(o0.incrementalNpv.mean).toBe(0);
        expect(o0.incrementalNetCash.mean).toBe(0);
      }),
    );
  });
});
