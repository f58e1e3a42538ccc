import { describe, expect, it } from 'vitest';
import { netBudgetEffectPercentiles } from '../../src/model/budget';
import { budgetByYear, perspectiveScales, projectAll } from '../../src/model/project';
import {
  costOf,
  createOutput,
  simulateBlock,
  simulationLayout,
  VARYING_FIELDS,
  type InputColumns,
  type SimulationPlan,
  type VaryingField,
} from '../../src/model/simulate';
import { summariseOption } from '../../src/model/summarise';
import type { Inputs } from '../../src/model/types';
import { inputs } from './fixtures';

/** Cash and counts are kept in single precision: equal to about 7 significant digits. */
function expectSingle(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(expected)));
}

function constantColumns(input: Inputs): InputColumns {
  return {
    ...(Object.fromEntries(VARYING_FIELDS.map((f) => [f, input[f]])) as Record<VaryingField, number>),
    scheduleShares: input.fundingSchedule.map((e) => e.externalShare),
  };
}

const classLike = inputs({
  start: { year: 2025, month: 1 },
  baseEnd: { year: 2027, month: 3 },
  maxExtensionYears: 4,
  headlineExtensionYears: 4,
  annualValue: 660_546,
  annualUplift: 0.03,
  externalShare: 0.9,
  externalShareByYear: { '2027/28': 0.5, '2028/29': 0 },
  councils: [
    { name: 'Bridgend', childrenShare: 0.35, matchShare: 0.303 },
    { name: 'RCT', childrenShare: 0.5, matchShare: 0.55 },
    { name: 'Merthyr', childrenShare: 0.15, matchShare: 0.147 },
  ],
  referralsPerYear: 60,
  referralGrowth: 0.05,
  capacityPerMonth: 52 / 12,
  maxWaitMonths: 6,
  breakdownRisk: 0.25,
  effectiveness: 0.25,
  residentialEscalation: 0.2,
  residentialWeeks: 40,
  residentialWeeklyCost: 5631,
  alternativeWeeklyCost: 550,
  moveCost: 2000,
  cashableShare: 0.77,
  residentialCostGrowth: 0.02,
  optimismBias: 0.1,
  costOptimismBias: 0.05,
  attribution: 0.9,
});

/**
 * A schedule like the councils' (month 0 = January 2025): fully funded to December 2025, 90% from
 * January 2026 through the first extension year (to March 2028, month 38), then `later`.
 */
function v12Schedule(later: number): Inputs['fundingSchedule'] {
  return [
    { fromMonth: 0, toMonth: 11, externalShare: 1 },
    { fromMonth: 12, toMonth: 38, externalShare: 0.9 },
    { fromMonth: 39, toMonth: Infinity, externalShare: later },
  ];
}

describe('Monte Carlo with no spread gives the deterministic answer', () => {
  for (const [label, given] of [
    ['CLASS-like, waiting list part-full', classLike],
    ['capacity above demand', { ...classLike, capacityPerMonth: 20 }],
    ['demand far above capacity', { ...classLike, referralsPerYear: 300, referralGrowth: 0 }],
    ['short placements', { ...classLike, residentialWeeks: 1.5 }],
    [
      'waiting list that fills partway (capacity between first and last referrals)',
      { ...classLike, referralsPerYear: 50, referralGrowth: 0.3, capacityPerMonth: 5 },
    ],
    ['placements under half a month', { ...classLike, residentialWeeks: 2 }],
    ['one-month term', inputs()],
    [
      'v1.2: cash contract, 2% inflation, price base 2025/26, discounted to 2026/27',
      { ...classLike, contractPrice: 'cash', inflation: 0.02, priceBaseYear: 1, discountBaseYear: 2 },
    ],
    [
      'v1.2: real contract with inflation and a funding schedule across calendar years',
      { ...classLike, inflation: 0.025, externalShareByYear: {}, fundingSchedule: v12Schedule(0) },
    ],
    [
      'v1.2: the contract ends with its grant in the second extension year',
      {
        ...classLike,
        inflation: 0.02,
        contractPrice: 'cash',
        externalShareByYear: {},
        fundingSchedule: v12Schedule(0),
        ifGrantFalls: 'contract_ends',
      },
    ],
    [
      'v1.2: the contract ends with its grant, demand above capacity',
      {
        ...classLike,
        referralsPerYear: 300,
        referralGrowth: 0,
        externalShareByYear: {},
        fundingSchedule: v12Schedule(0.5),
        ifGrantFalls: 'contract_ends',
      },
    ],
  ] as const) {
    const input = given as Inputs;
    it(label, () => {
      const plan: SimulationPlan = { base: input, longestWeeks: input.residentialWeeks, processVariability: false, fanIterations: 2 };
      const layout = simulationLayout(plan);
      const out = createOutput(layout, {
        iterations: 3,
        fanIterations: 2,
        costShapeVaries: false,
        fewCostShapes: false,
        cashablePerDraw: true,
      });
      simulateBlock({ plan, layout, columns: constantColumns(input), columnOffset: 0, from: 0, to: 3, out, rng: null });
      const deterministic = projectAll(input);
      deterministic.options.forEach((option, k) => {
        const summary = summariseOption(out, layout, input, k);
        for (const [name, p] of Object.entries(option.perspectives)) {
          const s = summary[name]!;
          expect(s.npv.mean).toBeCloseTo(p.totals.npv, 6);
          expect(s.npv.p5).toBeCloseTo(p.totals.npv, 6);
          expect(s.npv.sem).toBeCloseTo(0, 6);
          expectSingle(s.netSaving.p50, p.totals.netSaving);
          expectSingle(s.residentialPlacementsAvoided.mean, p.totals.residentialPlacementsAvoided);
          const paidBackInTerm = p.totals.paybackMonth !== null && p.totals.paybackMonth < layout.terms[k]!;
          expect(s.probabilityPaidBack).toBe(paidBackInTerm ? 1 : 0);
          // The fan's last year is the option's cumulative net cash.
          expect(s.fan.at(-1)!.p50).toBeCloseTo(p.totals.netSaving, 6);
          // The budget's net effect by year (cashable saving - own contribution), as the central table.
          const perspectiveIndex = layout.perspectives.indexOf(name);
          const budget = budgetByYear(option.flows, deterministic.timeline, perspectiveScales(input)[name]!);
          netBudgetEffectPercentiles(out, layout, input, perspectiveIndex, k).forEach((spread, y) => {
            expect(spread.p50).toBeCloseTo(budget[y]!.netBudgetEffect, 6);
          });
          p.byFinancialYear.reduce((running, year, y) => {
            const next = running + year.netSaving;
            expect(s.fan[y]!.p50).toBeCloseTo(next, 6);
            return next;
          }, 0);
        }
      });
    });
  }
});

describe('the start-shape tables give the same totals as the month-by-month loop', () => {
  it('on random draws of every outcome input', () => {
    // Forcing the loop: a cost-growth column (even of one value) makes the money factors "vary".
    const n = 400;
    const rng = (() => {
      let x = 12345;
      return () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
    })();
    const column = (min: number, max: number): Float64Array => Float64Array.from({ length: n }, () => min + (max - min) * rng());
    const columns = {
      ...constantColumns(classLike),
      referralsPerYear: column(30, 90),
      breakdownRisk: column(0.1, 0.4),
      effectiveness: column(0.1, 0.5),
      residentialEscalation: column(0.1, 0.35),
      residentialWeeks: column(0.5, 104),
      residentialWeeklyCost: column(4500, 8000),
      annualValue: column(500_000, 700_000),
    };
    const plan: SimulationPlan = { base: classLike, longestWeeks: 104, processVariability: false, fanIterations: n };
    const layout = simulationLayout(plan);
    const fast = createOutput(layout, {
      iterations: n,
      fanIterations: n,
      costShapeVaries: false,
      fewCostShapes: false,
      cashablePerDraw: true,
    });
    simulateBlock({ plan, layout, columns, columnOffset: 0, from: 0, to: n, out: fast, rng: null });
    const slow = createOutput(layout, {
      iterations: n,
      fanIterations: n,
      costShapeVaries: false,
      fewCostShapes: false,
      cashablePerDraw: true,
    });
    simulateBlock({
      plan,
      layout,
      columns: { ...columns, residentialCostGrowth: new Float64Array(n).fill(classLike.residentialCostGrowth) },
      columnOffset: 0,
      from: 0,
      to: n,
      out: slow,
      rng: null,
    });
    for (let k = 0; k < layout.options; k++) {
      for (let i = 0; i < n; i++) {
        expect(fast.avoidedCostPV[k]![i]).toBeCloseTo(slow.avoidedCostPV[k]![i]!, 4);
        expectSingle(fast.avoidedCost[k]![i]!, slow.avoidedCost[k]![i]!);
        expectSingle(fast.placementsAvoided[k]![i]!, slow.placementsAvoided[k]![i]!);
      }
    }
    for (let p = 0; p < layout.perspectives.length; p++)
      expect(Array.from(fast.paybackMonth[p]!)).toEqual(Array.from(slow.paybackMonth[p]!));
    // And each iteration against the deterministic model run on that iteration's inputs.
    for (let i = 0; i < 60; i++) {
      const input = { ...classLike } as Inputs;
      for (const field of VARYING_FIELDS) {
        const value = columns[field];
        (input as unknown as Record<string, number>)[field] = typeof value === 'number' ? value : value[i]!;
      }
      const option = projectAll(input).options.at(-1)!;
      layout.perspectives.forEach((name, p) => {
        const month = option.perspectives[name]!.totals.paybackMonth;
        expect(fast.paybackMonth[p]![i]).toBe(month !== null && month < layout.terms.at(-1)! ? month : -1);
      });
      const deterministic = option.perspectives.region!.totals;
      expect(fast.avoidedCostPV.at(-1)![i]).toBeCloseTo(deterministic.avoidedCostPV, 5);
    }
  });
});

describe('Monte Carlo on v1.2 funding draws gives, draw by draw, the deterministic answer', () => {
  // The cost sums kept per draw: in double precision when the shapes are few, else in single, with
  // the avoided present values (each within 2^-24 of itself, about 6p in £1m).
  it.each([
    ['in double precision', true],
    ['in single precision', false],
  ])('a schedule share drawn per iteration, the contract ending in some draws: cost sums %s', (_, fewCostShapes) => {
    const base: Inputs = {
      ...classLike,
      inflation: 0.02,
      contractPrice: 'cash',
      discountBaseYear: 2,
      externalShareByYear: {},
      fundingSchedule: v12Schedule(0.9),
      ifGrantFalls: 'contract_ends',
    };
    const n = 6;
    const later = Float64Array.from([0, 0.9, 0.5, 0.9, 0, 0.95]);
    const columns: InputColumns = { ...constantColumns(base), scheduleShares: [1, 0.9, later] };
    const plan: SimulationPlan = { base, longestWeeks: base.residentialWeeks, processVariability: false, fanIterations: n };
    const layout = simulationLayout(plan);
    const out = createOutput(layout, { iterations: n, fanIterations: n, costShapeVaries: true, fewCostShapes, cashablePerDraw: true });
    simulateBlock({ plan, layout, columns, columnOffset: 0, from: 0, to: n, out, rng: null });
    expect(out.costPerDraw).toBe(!fewCostShapes);
    for (let i = 0; i < n; i++) {
      const input: Inputs = { ...base, fundingSchedule: v12Schedule(later[i]!) };
      const projection = projectAll(input);
      // Ends after the first extension year (month 39) when the share falls below 0.9.
      expect(out.endMonth[i]).toBe(later[i]! < 0.9 ? 39 : layout.terms.at(-1)!);
      projection.options.forEach((option, k) => {
        layout.perspectives.forEach((name, p) => {
          const council = p === 0 ? null : base.councils[p - 1]!;
          const avoidedPV = (council ? council.childrenShare : 1) * out.avoidedCostPV[k]![i]!;
          const costPV = council ? council.matchShare * costOf(out, k, i, 3) : costOf(out, k, i, 1);
          const npv = option.perspectives[name]!.totals.npv;
          if (fewCostShapes) expect(avoidedPV - costPV).toBeCloseTo(npv, 4);
          else expect(Math.abs(avoidedPV - costPV - npv)).toBeLessThanOrEqual(2 ** -24 * (Math.abs(avoidedPV) + Math.abs(costPV)) + 5e-5);
          const avoided = (council ? council.childrenShare : 1) * out.avoidedCost[k]![i]!;
          const cost = council ? council.matchShare * costOf(out, k, i, 2) : costOf(out, k, i, 0);
          expectSingle(avoided - cost, option.perspectives[name]!.totals.netSaving);
        });
      });
    }
  });
});
