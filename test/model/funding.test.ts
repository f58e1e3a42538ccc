/**
 * Funding by date, cash and real terms, and the budget table (shared/model.md sections 16-18),
 * against figures worked out by hand in the comments.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contractEndMonth, externalShareByMonth } from '../../src/model/funding';
import { budgetByYear, perspectiveScales, projectAll } from '../../src/model/project';
import { buildTimeline } from '../../src/model/time';
import type { Inputs } from '../../src/model/types';
import { inputs } from './fixtures';

/** No benefits: every figure is the contract's. */
const costOnly: Partial<Inputs> = { breakdownRisk: 0 };

describe('a funding schedule across a calendar-year boundary inside a financial year', () => {
  // Contract from January 2025 to March 2027 (27 months) at GBP 12,000 a year (1,000 a month).
  // The grant pays 100% from January to December 2025 (months 0-11) and 90% from January 2026
  // (months 12-26). Financial year 2025/26 (April 2025 to March 2026, months 3-14) holds nine
  // fully funded months and three at 90%: grant 9 x 1,000 + 3 x 900 = 11,700, own 300.
  // Bridgend (match share 0.25) pays a quarter of the councils' part: 75.
  const withSchedule = inputs({
    ...costOnly,
    start: { year: 2025, month: 1 },
    baseEnd: { year: 2027, month: 3 },
    annualValue: 12_000,
    externalShare: 0,
    fundingSchedule: [
      { fromMonth: 0, toMonth: 11, externalShare: 1 },
      { fromMonth: 12, toMonth: 26, externalShare: 0.9 },
    ],
    councils: [
      { name: 'Bridgend', childrenShare: 0.4, matchShare: 0.25 },
      { name: 'Other', childrenShare: 0.6, matchShare: 0.75 },
    ],
  });
  const projection = projectAll(withSchedule);
  const option = projection.options[0]!;
  const scales = perspectiveScales(withSchedule);

  it('gives each month its share: the first entry that covers it', () => {
    const shares = Array.from(externalShareByMonth(withSchedule, projection.timeline).subarray(0, 28));
    expect(shares).toEqual([...Array(12).fill(1), ...Array(15).fill(0.9), 0]);
  });

  it("splits the region's budget by financial year", () => {
    const rows = budgetByYear(option.flows, projection.timeline, scales.region!);
    expect(rows.map((r) => r.year)).toEqual(['2024/25', '2025/26', '2026/27', ...rows.slice(3).map((r) => r.year)]);
    expect(rows[0]).toMatchObject({ grossContractCost: 3000, externalFunding: 3000, ownContribution: 0 });
    expect(rows[1]!.grossContractCost).toBeCloseTo(12_000, 9);
    expect(rows[1]!.externalFunding).toBeCloseTo(11_700, 9);
    expect(rows[1]!.ownContribution).toBeCloseTo(300, 9);
    expect(rows[2]!.ownContribution).toBeCloseTo(1_200, 9);
    expect(rows[2]!.cumulativeNetBudgetEffect).toBeCloseTo(-1_500, 9);
  });

  it("gives one council's budget row and appraisal cost from its match share", () => {
    const rows = budgetByYear(option.flows, projection.timeline, scales.Bridgend!);
    expect(rows[1]!.grossContractCost).toBeCloseTo(3_000, 9);
    expect(rows[1]!.externalFunding).toBeCloseTo(2_925, 9);
    expect(rows[1]!.ownContribution).toBeCloseTo(75, 9);
    expect(rows[1]!.netBudgetEffect).toBeCloseTo(-75, 9);
    expect(option.perspectives.Bridgend!.byFinancialYear[1]!.contractCost).toBeCloseTo(75, 9);
    expect(option.perspectives.Bridgend!.totals.contractCost).toBeCloseTo(0.25 * (300 + 1_200), 9);
  });
});

describe("a council's budget row with savings", () => {
  // One month of contract (April 2025) and one start: 12 referrals a year, capacity 1 a month, so
  // one child starts; breakdown risk 1 x effectiveness 0.5 = 0.5 breakdowns prevented. No
  // residential escalation; each prevented move saves GBP 100, all of it cash: 50.
  // Bridgend: children share 0.4 -> cashable 20; the contract is GBP 1,000, grant 90%, so the
  // councils pay 100 and Bridgend (match 0.3) 30: net budget effect 20 - 30 = -10.
  const one = inputs({
    effectiveness: 0.5,
    residentialEscalation: 0,
    moveCost: 100,
    externalShare: 0.9,
    councils: [
      { name: 'Bridgend', childrenShare: 0.4, matchShare: 0.3 },
      { name: 'Other', childrenShare: 0.6, matchShare: 0.7 },
    ],
  });
  it('counts cashable savings against its own contribution', () => {
    const projection = projectAll(one);
    const row = budgetByYear(projection.options[0]!.flows, projection.timeline, perspectiveScales(one).Bridgend!)[0]!;
    expect(row.year).toBe('2025/26');
    expect(row.grossContractCost).toBeCloseTo(300, 9);
    expect(row.externalFunding).toBeCloseTo(270, 9);
    expect(row.ownContribution).toBeCloseTo(30, 9);
    expect(row.cashableSaving).toBeCloseTo(20, 9);
    expect(row.nonCashableSaving).toBeCloseTo(0, 9);
    expect(row.netBudgetEffect).toBeCloseTo(-10, 9);
  });
  it('counts only the cashable share of residential savings as cash to the budget', () => {
    // Escalation 1 and a 1-week placement at GBP 1,000 a week: 0.5 placements x 1 week x 1,000 =
    // 500 of residential cost avoided, 40% cashable: 200; moves 50 in full: cashable 250, not 300.
    const withResidential = { ...one, residentialEscalation: 1, residentialWeeks: 1, cashableShare: 0.4, councils: [] };
    const projection = projectAll(withResidential);
    const row = budgetByYear(projection.options[0]!.flows, projection.timeline, perspectiveScales(withResidential).region!)[0]!;
    expect(row.cashableSaving).toBeCloseTo(250, 9);
    expect(row.nonCashableSaving).toBeCloseTo(300, 9);
  });
});

describe('a cash-priced contract deflated at 2% a year', () => {
  // Contract from April 2025 to March 2026 plus one extension year, GBP 12,000 a year in cash, no
  // benefits. Inflation 2%, price base 2025/26 (year 0): year 1's 12,000 cash is 12,000 / 1.02 =
  // 11,764.705882 in 2025/26 prices. Discounted at 3.5% to 2026/27 (year 1): year 0 is compounded
  // forward, 12,000 x 1.035 = 12,420; PV = 12,420 + 11,764.705882 = 24,184.705882.
  const cashContract = inputs({
    ...costOnly,
    start: { year: 2025, month: 4 },
    baseEnd: { year: 2026, month: 3 },
    maxExtensionYears: 1,
    annualValue: 12_000,
    contractPrice: 'cash',
    inflation: 0.02,
    discountBaseYear: 1,
  });
  it('costs the same cash each year and less each year in real terms', () => {
    const region = projectAll(cashContract).options[1]!.perspectives.region!;
    expect(region.totals.contractCost).toBeCloseTo(24_000, 9);
    expect(region.byFinancialYear[1]!.contractCost).toBeCloseTo(12_000, 9);
    expect(region.byFinancialYear[1]!.contractCostPV).toBeCloseTo(11_764.705882, 5);
    expect(region.totals.contractCostPV).toBeCloseTo(24_184.705882, 5);
    expect(region.totals.npv).toBeCloseTo(-24_184.705882, 5);
  });
  it('as a real price, costs 2% more cash in year 1 and the same in real terms', () => {
    const region = projectAll({ ...cashContract, contractPrice: 'real' }).options[1]!.perspectives.region!;
    expect(region.byFinancialYear[1]!.contractCost).toBeCloseTo(12_240, 9);
    expect(region.totals.contractCostPV).toBeCloseTo(12_420 + 12_000, 9);
  });
  it('counts the price base from its own year: base 2026/27 puts 2025/26 at 1 / 1.02', () => {
    const timeline = buildTimeline({ year: 2025, month: 4 }, 24, {
      discountRate: 0.035,
      inflation: 0.02,
      priceBaseYear: 1,
      discountBaseYear: 0,
    });
    expect(timeline.deflator[0]).toBeCloseTo(1 / 1.02, 12);
    expect(timeline.deflator[12]).toBe(1);
    expect(timeline.discount[12]).toBeCloseTo(1 / 1.035, 12);
  });
});

describe('a contract that ends when the grant falls', () => {
  // A 12-month fixed term (April 2025 to March 2026) with two extension years. The grant pays 90%
  // until March 2027, then nothing from April 2027 (month 24). With contract_ends, option 2's
  // second extension year is not bought: it ends after month 23, like option 1.
  const falling = inputs({
    start: { year: 2025, month: 4 },
    baseEnd: { year: 2026, month: 3 },
    maxExtensionYears: 2,
    referralsPerYear: 24,
    capacityPerMonth: 1,
    externalShare: 0.9,
    fundingSchedule: [{ fromMonth: 24, toMonth: Infinity, externalShare: 0 }],
    ifGrantFalls: 'contract_ends',
  });
  it('stops at the first extension month whose share is below the fixed term last month', () => {
    const shares = [...Array(24).fill(0.9), ...Array(12).fill(0)];
    expect(contractEndMonth(falling, shares, 36)).toBe(24);
    expect(contractEndMonth({ ...falling, ifGrantFalls: 'councils_pay' }, shares, 36)).toBe(36);
    // A fall inside the fixed term does not end it; a fall of 1e-10 is not a fall.
    expect(contractEndMonth(falling, [...Array(6).fill(0.9), ...Array(30).fill(0.5)], 36)).toBe(36);
    expect(contractEndMonth(falling, [...Array(12).fill(0.9), ...Array(24).fill(0.9 - 1e-10)], 36)).toBe(36);
  });
  it('gives option 2 the figures of option 1: no more starts, no more cost, the same tails', () => {
    const [, one, two] = projectAll(falling).options;
    expect(two!.flows.actualTerm).toBe(24);
    expect(two!.perspectives.region!.totals).toEqual(one!.perspectives.region!.totals);
    // 24 referrals a year (2 a month), 1 start a month: 48 referred and 24 started by the end of
    // month 23, so 24 wait (max wait unlimited).
    expect(two!.perspectives.region!.totals.waitingAtEnd).toBeCloseTo(24, 9);
    expect(two!.perspectives.region!.totals.contractCost).toBeCloseTo(24_000, 9);
  });
  it('with councils_pay, runs the full term and the councils pay the last year in full', () => {
    const two = projectAll({ ...falling, ifGrantFalls: 'councils_pay', councils: [{ name: 'A', childrenShare: 1, matchShare: 1 }] })
      .options[2]!;
    expect(two.flows.actualTerm).toBe(36);
    expect(two.perspectives.A!.byFinancialYear[2]!.contractCost).toBeCloseTo(12_000, 9);
    expect(two.perspectives.A!.byFinancialYear[1]!.contractCost).toBeCloseTo(1_200, 9);
  });
});

describe('properties of cash, real and the budget', () => {
  const scenarioInputs = fc.record({
    referralsPerYear: fc.double({ min: 0, max: 200, noNaN: true }),
    capacityPerMonth: fc.double({ min: 0.1, max: 20, noNaN: true }),
    effectiveness: fc.double({ min: 0, max: 1, noNaN: true }),
    residentialWeeks: fc.double({ min: 0, max: 104, noNaN: true }),
    moveCost: fc.double({ min: 0, max: 5000, noNaN: true }),
    cashableShare: fc.double({ min: 0, max: 1, noNaN: true }),
    residentialCostGrowth: fc.double({ min: -0.05, max: 0.1, noNaN: true }),
    shares: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
    split: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
    match: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
    priceBaseYear: fc.integer({ min: -2, max: 4 }),
  });
  const build = (v: typeof scenarioInputs extends fc.Arbitrary<infer T> ? T : never): Inputs =>
    inputs({
      start: { year: 2025, month: 1 },
      baseEnd: { year: 2026, month: 3 },
      maxExtensionYears: 2,
      annualValue: 120_000,
      annualUplift: 0.03,
      referralsPerYear: v.referralsPerYear,
      capacityPerMonth: v.capacityPerMonth,
      breakdownRisk: 0.3,
      effectiveness: v.effectiveness,
      residentialEscalation: 0.2,
      residentialWeeks: v.residentialWeeks,
      moveCost: v.moveCost,
      cashableShare: v.cashableShare,
      residentialCostGrowth: v.residentialCostGrowth,
      externalShare: 0.5,
      fundingSchedule: [
        { fromMonth: 0, toMonth: 11, externalShare: v.shares[0]! },
        { fromMonth: 12, toMonth: 26, externalShare: v.shares[1]! },
        { fromMonth: 27, toMonth: Infinity, externalShare: v.shares[2]! },
      ],
      councils: [
        { name: 'A', childrenShare: v.split, matchShare: v.match },
        { name: 'B', childrenShare: 1 - v.split, matchShare: 1 - v.match },
      ],
      priceBaseYear: v.priceBaseYear,
    });

  it("councils' budget rows add to the region's", () => {
    fc.assert(
      fc.property(scenarioInputs, (v) => {
        const model = build(v);
        const projection = projectAll(model);
        const scales = perspectiveScales(model);
        for (const option of projection.options) {
          const region = budgetByYear(option.flows, projection.timeline, scales.region!);
          const a = budgetByYear(option.flows, projection.timeline, scales.A!);
          const b = budgetByYear(option.flows, projection.timeline, scales.B!);
          region.forEach((row, y) => {
            for (const key of [
              'grossContractCost',
              'externalFunding',
              'ownContribution',
              'cashableSaving',
              'nonCashableSaving',
              'netBudgetEffect',
              'cumulativeNetBudgetEffect',
            ] as const) {
              expect(a[y]![key] + b[y]![key]).toBeCloseTo(row[key], 4);
            }
          });
        }
      }),
      { numRuns: 60 },
    );
  });

  it('with inflation 0, cash equals real whatever the price base and the contract price', () => {
    fc.assert(
      fc.property(scenarioInputs, (v) => {
        const v11 = { ...build(v), priceBaseYear: 0, contractPrice: 'real' as const };
        const v12 = { ...build(v), inflation: 0, contractPrice: 'cash' as const };
        expect(projectAll(v12).options.map((o) => o.perspectives)).toEqual(projectAll(v11).options.map((o) => o.perspectives));
      }),
      { numRuns: 40 },
    );
  });
});
