/**
 * How an avoided residential placement spreads over months (shared/model.md section 5), the one
 * home of the rule for the deterministic projection and the Monte Carlo engine: a placement starts
 * in the middle of its start month and runs `lengthMonths` months (weeks x 12/52), so it covers
 * half of its first month (all of its length when that is shorter), then whole months, then what
 * remains in its last month.
 *
 * A 52-week placement (12 months) started in month 0 covers 0.5 of month 0, all of months 1 to 11
 * and 0.5 of month 12: lastMonthOffset(12) -> 12, lastMonthShare(12, 12) -> 0.5.
 */

/** The share of its start month a placement longer than half a month covers. */
export const FIRST_MONTH_SHARE = 0.5;

/**
 * Offset from the start month of the last month a placement of `lengthMonths` touches (0 when it
 * ends within its start month). lastMonthOffset(12) -> 12, lastMonthOffset(1) -> 1, lastMonthOffset(0.4) -> 0
 */
export function lastMonthOffset(lengthMonths: number): number {
  return lengthMonths <= FIRST_MONTH_SHARE ? 0 : Math.ceil(FIRST_MONTH_SHARE + lengthMonths) - 1;
}

/**
 * The share of its last month (offset `last`, from lastMonthOffset) a placement covers.
 * lastMonthShare(12, 12) -> 0.5, lastMonthShare(1.2, 1) -> 0.7
 */
export function lastMonthShare(lengthMonths: number, last: number): number {
  return FIRST_MONTH_SHARE + lengthMonths - last;
}

/**
 * The share of month `offset` (0 = the start month) a placement of `lengthMonths` covers, given
 * its last month's offset `last` = lastMonthOffset(lengthMonths).
 * monthShare(12, 12, 0) -> 0.5, monthShare(12, 12, 5) -> 1, monthShare(12, 12, 13) -> 0, monthShare(0.4, 0, 0) -> 0.4
 */
export function monthShare(lengthMonths: number, last: number, offset: number): number {
  if (offset === 0) return last === 0 ? lengthMonths : FIRST_MONTH_SHARE;
  if (offset < last) return 1;
  return offset === last ? lastMonthShare(lengthMonths, last) : 0;
}

/**
 * Sum of `factor` over the months a placement started in month `m` covers, each weighted by the
 * share covered, in O(1) from the factor's prefix sums (`prefix[t]` = factor[0] + ... + factor[t - 1]).
 * With factor = growth x discount, x weeks a month gives the placement's value per weekly pound.
 * spreadSum(prefix of [1, 1, 1], [1, 1, 1], 0, 1.5) -> 1.5 (0.5 + 1)
 */
export function spreadSum(prefix: Float64Array, factor: Float64Array, m: number, lengthMonths: number): number {
  const last = lastMonthOffset(lengthMonths);
  return spreadSumKnowing(prefix, factor, m, lengthMonths, last, lastMonthShare(lengthMonths, last));
}

/**
 * spreadSum for a length whose last month's offset and share (lastMonthOffset, lastMonthShare)
 * are already known, as in a loop over start months for one length.
 */
export function spreadSumKnowing(
  prefix: Float64Array,
  factor: Float64Array,
  m: number,
  lengthMonths: number,
  last: number,
  lastShare: number,
): number {
  if (last === 0) return lengthMonths * factor[m]!;
  const full = prefix[m + last]! - prefix[m + 1]!; // offsets 1 .. last - 1
  return FIRST_MONTH_SHARE * factor[m]! + full + lastShare * factor[m + last]!;
}

/**
 * Adds `amount` x the share of each month a placement started in month `m` covers into `values`
 * (amount = weeks a month gives the weeks it spends in each month).
 */
export function addSpreadInPlace(values: Float64Array, m: number, lengthMonths: number, amount: number): void {
  const last = lastMonthOffset(lengthMonths);
  if (last === 0) {
    values[m] = values[m]! + amount * lengthMonths;
    return;
  }
  values[m] = values[m]! + amount * FIRST_MONTH_SHARE;
  for (let j = 1; j < last; j++) values[m + j] = values[m + j]! + amount;
  values[m + last] = values[m + last]! + amount * lastMonthShare(lengthMonths, last);
}
