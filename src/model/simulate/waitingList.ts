/**
 * The first-in-first-out waiting list (shared/model.md section 4) for one draw over the longest
 * option's term: referrals x the referral growth shape arrive each month, up to capacity start,
 * and a child waiting longer than max_wait_months is helped another way. The options share one
 * run of it: option k's starts are the first months of the longest option's.
 */
import { poisson, PoissonTable } from '../random/sample';
import type { Rng } from '../random/rng';
import { startInArrivalOrderInPlace } from '../service';

/** (1 + referral growth)^(m/12) by month over the longest term, recomputed when the growth changes. */
export class ReferralShape {
  readonly byMonth: Float64Array;
  /** Its smallest and largest values. */
  min = 0;
  max = 0;
  /** Changes whenever the shape does (for tables built on it). */
  version = 0;
  private lastGrowth = NaN;

  constructor(months: number) {
    this.byMonth = new Float64Array(months);
  }

  /**
   * (1 + growth)^(m/12) for every month m: at each whole year the year before's x (1 + growth)
   * (as compound() in time.ts gives it), one multiplication a month in between (as MoneyFactors'
   * cost growth), not a power: a run whose referral growth is uncertain works the shape out for
   * every draw (75 powers a draw were a fifth of its time, a power a year still 5%).
   */
  update(referralGrowth: number): void {
    if (referralGrowth === this.lastGrowth) return;
    let min = Infinity;
    let max = -Infinity;
    const yearly = 1 + referralGrowth;
    const monthly = Math.pow(yearly, 1 / 12);
    const byMonth = this.byMonth;
    let yearStart = 1;
    let v = 1;
    for (let m = 0, monthOfYear = 0; m < byMonth.length; m++, monthOfYear = monthOfYear === 11 ? 0 : monthOfYear + 1) {
      if (monthOfYear === 0) {
        if (m > 0) yearStart *= yearly;
        v = yearStart;
      } else v *= monthly;
      byMonth[m] = v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    this.min = min;
    this.max = max;
    this.lastGrowth = referralGrowth;
    this.version++;
  }
}

/** How a draw's starts are shaped: referrals x the referral shape, flat at capacity, or neither. */
export const enum StartsShape {
  /** Capacity covers every month's referrals: everyone starts at once. */
  Referrals = 0,
  /** Referrals fill capacity every month: capacity is used in full. */
  Flat = 1,
  Other = 2,
}

/** Which shape the starts take, without working them out. */
export function startsShape(referrals: ReferralShape, referralsPerMonth: number, capacity: number): StartsShape {
  if (capacity >= referralsPerMonth * referrals.max) return StartsShape.Referrals;
  if (capacity <= referralsPerMonth * referrals.min) return StartsShape.Flat;
  return StartsShape.Other;
}

/**
 * The waiting list with fractional children (as service.ts) into `starts`, using `waiting` as
 * scratch; both as long as the longest term.
 */
export function fillStartsInPlace(
  starts: Float64Array,
  waiting: Float64Array,
  referrals: ReferralShape,
  referralsPerMonth: number,
  capacity: number,
  maxWait: number,
): StartsShape {
  const term = starts.length;
  const shape = referrals.byMonth;
  const kind = startsShape(referrals, referralsPerMonth, capacity);
  if (kind === StartsShape.Referrals) {
    for (let m = 0; m < term; m++) starts[m] = referralsPerMonth * shape[m]!;
    return kind;
  }
  if (kind === StartsShape.Flat) {
    starts.fill(capacity);
    return kind;
  }
  waiting.fill(0);
  let oldest = 0;
  for (let m = 0; m < term; m++) {
    waiting[m] = referralsPerMonth * shape[m]!;
    starts[m] = startInArrivalOrderInPlace(waiting, oldest, m, capacity);
    while (oldest <= m && oldest + maxWait <= m) waiting[oldest++] = 0;
  }
  return StartsShape.Other;
}

/**
 * The waiting list with whole children and Poisson referrals (process variability). When referrals
 * do not grow, every month's count has the draw's one mean and is read from a table for it
 * (PoissonTable); else each month's from poisson().
 */
export function fillStartsWithChanceInPlace(
  starts: Float64Array,
  waiting: Float64Array,
  referrals: ReferralShape,
  table: PoissonTable,
  rng: Rng,
  referralsPerMonth: number,
  capacity: number,
  maxWait: number,
): void {
  const term = starts.length;
  waiting.fill(0);
  let oldest = 0;
  let credit = 0;
  const oneMean = referrals.min === referrals.max && referralsPerMonth * referrals.max <= PoissonTable.LARGEST_MEAN;
  for (let m = 0; m < term; m++) {
    const mean = referralsPerMonth * referrals.byMonth[m]!;
    waiting[m] = oneMean ? table.draw(rng, mean) : poisson(rng, mean);
    // Capacity in whole children: the fractional part of a month's capacity carries over.
    credit += capacity;
    const whole = Math.floor(credit);
    credit -= whole;
    starts[m] = startInArrivalOrderInPlace(waiting, oldest, m, whole);
    while (oldest <= m && oldest + maxWait <= m) waiting[oldest++] = 0;
  }
}
