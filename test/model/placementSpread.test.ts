import { describe, expect, it } from 'vitest';
import { addSpreadInPlace, lastMonthOffset, lastMonthShare, monthShare, spreadSum } from '../../src/model/placementSpread';
import { weeksInMonthOffset } from '../../src/model/outcomes';
import { placementTailMonths, WEEKS_PER_MONTH } from '../../src/model/time';

/** Prefix sums of `values`: prefix[t] = values[0] + ... + values[t - 1]. */
function prefixOf(values: number[]): Float64Array {
  const prefix = new Float64Array(values.length + 1);
  values.forEach((v, t) => (prefix[t + 1] = prefix[t]! + v));
  return prefix;
}

describe('the placement-spreading rule (half a month, whole months, the rest)', () => {
  it('gives the months and shares worked out by hand', () => {
    // 52 weeks = 12 months from mid-month 0: 0.5 of month 0, months 1..11 whole, 0.5 of month 12.
    expect(lastMonthOffset(12)).toBe(12);
    expect(lastMonthShare(12, 12)).toBe(0.5);
    expect([0, 1, 11, 12, 13].map((j) => monthShare(12, 12, j))).toEqual([0.5, 1, 1, 0.5, 0]);
    // 1.2 months: 0.5 of month 0, then 0.7 of month 1.
    expect(lastMonthOffset(1.2)).toBe(1);
    expect(lastMonthShare(1.2, 1)).toBeCloseTo(0.7, 15);
    // 0.4 months ends within its start month, which it covers for all of its length.
    expect(lastMonthOffset(0.4)).toBe(0);
    expect(monthShare(0.4, 0, 0)).toBe(0.4);
    expect(monthShare(0.4, 0, 1)).toBe(0);
    // Exactly half a month, and a length ending on a month boundary (11.5: the last month is whole).
    expect(lastMonthOffset(0.5)).toBe(0);
    expect(lastMonthOffset(11.5)).toBe(11);
    expect(lastMonthShare(11.5, 11)).toBe(1);
  });

  it('covers the whole length of any placement', () => {
    for (const length of [0.1, 0.5, 0.51, 1, 1.5, 2.3, 11.5, 12, 24.0001, 119.9]) {
      const last = lastMonthOffset(length);
      let total = 0;
      for (let j = 0; j <= last + 1; j++) total += monthShare(length, last, j);
      expect(total).toBeCloseTo(length, 12);
    }
  });

  it('spreadSum and addSpreadInPlace agree with month-by-month shares', () => {
    const factor = [1, 1.1, 1.3, 0.9, 1.2, 1.05, 0.8];
    const prefix = prefixOf(factor);
    // Worked by hand: a 1.5-month placement from month 0 covers 0.5 of month 0 and all of month 1: 0.5 x 1 + 1.1 = 1.6.
    expect(spreadSum(prefix, Float64Array.from(factor), 0, 1.5)).toBeCloseTo(1.6, 14);
    for (const [m, length] of [
      [0, 0.3],
      [1, 0.7],
      [1, 2.5],
      [2, 3.2],
      [0, 5.5],
    ] as const) {
      const last = lastMonthOffset(length);
      let direct = 0;
      for (let j = 0; j <= last; j++) direct += monthShare(length, last, j) * factor[m + j]!;
      expect(spreadSum(prefix, Float64Array.from(factor), m, length)).toBeCloseTo(direct, 12);
      const spread = new Float64Array(factor.length);
      addSpreadInPlace(spread, m, length, 2);
      for (let t = 0; t < factor.length; t++) expect(spread[t]).toBeCloseTo(t < m ? 0 : 2 * monthShare(length, last, t - m), 12);
    }
  });

  it('is the rule the deterministic projection and the horizon use', () => {
    // 10 weeks = 2.31 months: half of month 0, all of month 1, the remaining 0.81 months of month 2.
    expect(weeksInMonthOffset(10, 0)).toBeCloseTo(0.5 * WEEKS_PER_MONTH, 12);
    expect(weeksInMonthOffset(10, 2)).toBeCloseTo(10 - 1.5 * WEEKS_PER_MONTH, 12);
    expect(placementTailMonths(52)).toBe(12);
    expect(placementTailMonths(1)).toBe(0);
    expect(placementTailMonths(0)).toBe(0);
  });
});
