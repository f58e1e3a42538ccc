import { describe, expect, it } from 'vitest';
import { projectAll } from '../../src/model/project';
import { simulateService, startInArrivalOrderInPlace } from '../../src/model/service';
import { weeksInMonthOffset } from '../../src/model/outcomes';
import { inputs } from './fixtures';

describe('one month, one child, one placement of 52 weeks', () => {
  // Worked by hand: one referral and one start in April 2025; risk, effectiveness, escalation and
  // attribution all 1, so one residential placement of 52 weeks is avoided. It starts mid-April:
  // 26/12 weeks in April 2025, 52/12 in each of May..March (11 months), 26/12 in April 2026.
  // At £1,000 a week: 2025/26 avoids (52 - 26/12) x 1000 = £49,833.33, 2026/27 £2,166.67.
  // PV at 3.5%: 49,833.33 + 2,166.67 / 1.035 = £51,926.73. Contract: £1,000 for one month.
  const result = projectAll(inputs());
  const region = result.options[0]!.perspectives.region!;

  it('runs over a horizon of the term plus the 12-month tail', () => {
    expect(result.horizon).toBe(13);
    expect(region.byFinancialYear.map((y) => y.year)).toEqual(['2025/26', '2026/27']);
  });

  it('counts one child, one prevented breakdown, one placement, 52 weeks', () => {
    expect(region.totals.referrals).toBeCloseTo(1, 12);
    expect(region.totals.starts).toBeCloseTo(1, 12);
    expect(region.totals.breakdownsPrevented).toBeCloseTo(1, 12);
    expect(region.totals.residentialPlacementsAvoided).toBeCloseTo(1, 12);
    expect(region.totals.residentialWeeksAvoided).toBeCloseTo(52, 10);
    expect(region.totals.waitingAtEnd).toBe(0);
    expect(region.totals.turnedAway).toBe(0);
  });

  it('splits the avoided cost across the financial-year boundary and discounts the second year', () => {
    expect(region.byFinancialYear[0]!.avoidedCost).toBeCloseTo(49_833.333333, 5);
    expect(region.byFinancialYear[1]!.avoidedCost).toBeCloseTo(2_166.666667, 5);
    expect(region.byFinancialYear[1]!.residentialWeeksAvoided).toBeCloseTo(26 / 12, 12);
    expect(region.totals.avoidedCost).toBeCloseTo(52_000, 6);
    expect(region.totals.avoidedCostPV).toBeCloseTo(49_833.333333 + 2_166.666667 / 1.035, 5);
    expect(region.totals.contractCost).toBeCloseTo(1_000, 9);
    expect(region.totals.contractCostPV).toBeCloseTo(1_000, 9);
    expect(region.totals.npv).toBeCloseTo(49_833.333333 + 2_166.666667 / 1.035 - 1_000, 5);
    expect(region.totals.netSaving).toBeCloseTo(51_000, 6);
    expect(region.totals.bcr!).toBeCloseTo((49_833.333333 + 2_166.666667 / 1.035) / 1_000, 8);
  });

  it('pays back in month 0 because half a month of placement (£2,166.67) exceeds £1,000 of contract', () => {
    expect(region.totals.paybackMonth).toBe(0);
  });
});

describe('the weeks of a placement spread over months', () => {
  it('puts half a month in the first month and the rest at 52/12 a month', () => {
    // 52/12 = 4.3333 weeks a month; a 10-week placement: 2.1667, 4.3333, then 3.5 weeks.
    expect(weeksInMonthOffset(10, 0)).toBeCloseTo(26 / 12, 12);
    expect(weeksInMonthOffset(10, 1)).toBeCloseTo(52 / 12, 12);
    expect(weeksInMonthOffset(10, 2)).toBeCloseTo(10 - 78 / 12, 12);
    expect(weeksInMonthOffset(10, 3)).toBe(0);
    // A 1-week placement sits wholly in its first month.
    expect(weeksInMonthOffset(1, 0)).toBeCloseTo(1, 12);
    expect(weeksInMonthOffset(1, 1)).toBe(0);
  });
});

describe('the first-in-first-out waiting list', () => {
  it('starts the oldest referrals first, up to capacity', () => {
    // By hand: 2 waiting from month 0, 5 from month 1, capacity 3: all 2, then 1 of the 5.
    const waiting = Float64Array.from([2, 5]);
    expect(startInArrivalOrderInPlace(waiting, 0, 1, 3)).toBe(3);
    expect(Array.from(waiting)).toEqual([0, 4]);
  });

  // Worked by hand: 5 referrals a month, 3 starts a month, a child waits at most 2 months, 6 months.
  // Month: starts (from cohort) | turned away at month end
  //   0: 3 (c0) | -        1: 3 (2 c0, 1 c1) | -      2: 3 (c1) | c0: 0
  //   3: 3 (1 c1, 2 c2) | c1: 0    4: 3 (c2) | c2: 0   5: 3 (c3) | c3: 5 - 3 = 2
  // Still waiting when the term ends: c4 5 + c5 5 = 10. Check: 30 referred = 18 + 2 + 10.
  const flows = simulateService({ referralsPerYear: 60, referralGrowth: 0, capacityPerMonth: 3, maxWaitMonths: 2 }, 6);

  it('starts the longest-waiting children first, up to capacity', () => {
    expect(Array.from(flows.starts)).toEqual([3, 3, 3, 3, 3, 3]);
  });
  it('turns away children still waiting after max_wait_months', () => {
    expect(Array.from(flows.turnedAway)).toEqual([0, 0, 0, 0, 0, 2]);
    expect(flows.waitingAtEnd).toBe(10);
  });
  it('with max_wait_months 0 a child starts in the month of referral or not at all', () => {
    const sameMonth = simulateService({ referralsPerYear: 60, referralGrowth: 0, capacityPerMonth: 3, maxWaitMonths: 0 }, 4);
    expect(Array.from(sameMonth.starts)).toEqual([3, 3, 3, 3]);
    expect(Array.from(sameMonth.turnedAway)).toEqual([2, 2, 2, 2]);
    expect(sameMonth.waitingAtEnd).toBe(0);
  });
  it('grows referrals by (1 + growth)^(m/12)', () => {
    // 12 a year growing 21%: month 6 has 1 x 1.21^0.5 = 1.1 referrals (by hand).
    const growing = simulateService({ referralsPerYear: 12, referralGrowth: 0.21, capacityPerMonth: 100, maxWaitMonths: Infinity }, 7);
    expect(growing.referrals[6]).toBeCloseTo(1.1, 12);
    expect(growing.starts[6]).toBeCloseTo(1.1, 12);
  });
});

describe('a contract starting mid-month and mid-financial-year', () => {
  // 3 Jan 2025 to 31 Mar 2027: 27 months; January-March 2025 fall in 2024/25.
  // £120,000 a year = £10,000 a month: 2024/25 £30,000 (undiscounted), 2025/26 £120,000 / 1.035,
  // 2026/27 £120,000 / 1.035^2. One extension year with 10% uplift: 2027/28 £132,000 / 1.035^3.
  const result = projectAll(
    inputs({
      start: { year: 2025, month: 1 },
      baseEnd: { year: 2027, month: 3 },
      maxExtensionYears: 1,
      annualValue: 120_000,
      annualUplift: 0.1,
      referralsPerYear: 0,
    }),
  );
  it('charges the fixed term by financial year and the uplift in the extension', () => {
    const base = result.options[0]!.perspectives.region!;
    expect(base.byFinancialYear.map((y) => y.year)).toEqual(['2024/25', '2025/26', '2026/27', '2027/28', '2028/29']);
    expect(base.byFinancialYear.map((y) => y.contractCost)).toEqual([30_000, 120_000, 120_000, 0, 0].map((x) => expect.closeTo(x, 6)));
    expect(base.totals.contractCostPV).toBeCloseTo(30_000 + 120_000 / 1.035 + 120_000 / 1.035 ** 2, 6);
    const extended = result.options[1]!.perspectives.region!;
    expect(extended.byFinancialYear[3]!.contractCost).toBeCloseTo(132_000, 6);
    expect(extended.totals.contractCostPV).toBeCloseTo(30_000 + 120_000 / 1.035 + 120_000 / 1.035 ** 2 + 132_000 / 1.035 ** 3, 6);
    expect(extended.totals.paybackMonth).toBeNull();
  });
});

describe('councils: grant share by year and their own budgets', () => {
  // Two councils, 90% grant until 2025/26, none from 2026/27 on (the by-year entry holds onward).
  // Contract £120,000 a year, April 2025 to March 2027 (24 months), no benefits.
  // Council A (match 0.25): 2025/26 120,000 x 0.1 x 0.25 = £3,000; 2026/27 120,000 x 1 x 0.25 = £30,000.
  const result = projectAll(
    inputs({
      baseEnd: { year: 2027, month: 3 },
      annualValue: 120_000,
      referralsPerYear: 0,
      externalShare: 0.9,
      externalShareByYear: { '2026/27': 0 },
      councils: [
        { name: 'A', childrenShare: 0.4, matchShare: 0.25 },
        { name: 'B', childrenShare: 0.6, matchShare: 0.75 },
      ],
    }),
  );
  it('charges each council its match share of what the grant does not pay, by year', () => {
    const a = result.options[0]!.perspectives.A!;
    expect(a.byFinancialYear[0]!.contractCost).toBeCloseTo(3_000, 8);
    expect(a.byFinancialYear[1]!.contractCost).toBeCloseTo(30_000, 8);
    expect(a.totals.contractCostPV).toBeCloseTo(3_000 + 30_000 / 1.035, 8);
    const b = result.options[0]!.perspectives.B!;
    expect(b.totals.contractCost).toBeCloseTo(9_000 + 90_000, 8);
  });
});
