/** Avoided placements and their value: sums over the months a placement covers, per start month or per start shape. */
import { WEEKS_PER_MONTH } from '../time';
import type { Workspace } from './workspace';

/**
 * Sums over start months, for starts proportional to a fixed shape sh(m), that turn every
 * option's totals into O(1) work per iteration: for option k (start months m < T_k) and each whole
 * number of months `last` a placement can reach,
 *   starts       S_k    = sum sh(m)              moves (PV)   D_k = sum sh(m) d(m)
 *   factor       F_k    = sum sh(m) f(m)          F1_k = sum sh(m) P(m + 1)
 *   reach        FL_k,L = sum sh(m) f(m + L)      PL_k,L = sum sh(m) P(m + L)
 * with f = growth x discount (PV) or growth x deflator (cash) and P its prefix sum, so that the sum over
 * start months of sh(m) x placementSum(m, length) is 0.5 F + (PL - F1) + frac x FL.
 */
export class ShapeTables {
  readonly starts: Float64Array;
  /** Sum of the shape x discount (moves in PV) and x deflator (moves in cash). */
  readonly moves: Float64Array;
  readonly movesCash: Float64Array;
  /** The shape itself, its prefix sums (length T + 1), and its largest value. */
  readonly shape: Float64Array;
  readonly shapePrefix: Float64Array;
  readonly shapeMax: number;
  readonly pv: FactorTables;
  readonly cash: FactorTables;

  constructor(
    ws: Workspace,
    shape: Float64Array,
    readonly longestLast: number,
    readonly version: number,
  ) {
    const terms = ws.layout.terms;
    this.shape = shape;
    this.shapePrefix = new Float64Array(shape.length + 1);
    let max = 0;
    for (let m = 0; m < shape.length; m++) {
      this.shapePrefix[m + 1] = this.shapePrefix[m]! + shape[m]!;
      if (shape[m]! > max) max = shape[m]!;
    }
    this.shapeMax = max;
    this.starts = new Float64Array(terms.length);
    this.moves = new Float64Array(terms.length);
    this.movesCash = new Float64Array(terms.length);
    for (let k = 0; k < terms.length; k++) {
      for (let m = 0; m < terms[k]!; m++) {
        this.starts[k] = this.starts[k]! + shape[m]!;
        this.moves[k] = this.moves[k]! + shape[m]! * ws.discount[m]!;
        this.movesCash[k] = this.movesCash[k]! + shape[m]! * ws.deflator[m]!;
      }
    }
    this.pv = new FactorTables(terms, shape, ws.growthDiscount, ws.growthDiscountPrefix, longestLast);
    this.cash = new FactorTables(terms, shape, ws.cashGrowth, ws.cashGrowthPrefix, longestLast);
  }
}

export class FactorTables {
  readonly factor: Float64Array;
  readonly prefixNext: Float64Array;
  /** [option * (longestLast + 1) + last] */
  readonly factorAt: Float64Array;
  readonly prefixAt: Float64Array;

  constructor(terms: readonly number[], shape: Float64Array, factor: Float64Array, prefix: Float64Array, readonly longestLast: number) {
    const options = terms.length;
    const width = longestLast + 1;
    this.factor = new Float64Array(options);
    this.prefixNext = new Float64Array(options);
    this.factorAt = new Float64Array(options * width);
    this.prefixAt = new Float64Array(options * width);
    for (let k = 0; k < options; k++) {
      for (let m = 0; m < terms[k]!; m++) {
        const sh = shape[m]!;
        this.factor[k] = this.factor[k]! + sh * factor[m]!;
        this.prefixNext[k] = this.prefixNext[k]! + sh * prefix[m + 1]!;
        for (let last = 1; last <= longestLast; last++) {
          this.factorAt[k * width + last] = this.factorAt[k * width + last]! + sh * factor[m + last]!;
          this.prefixAt[k * width + last] = this.prefixAt[k * width + last]! + sh * prefix[m + last]!;
        }
      }
    }
  }

  /** Sum over option k's start months of sh(m) x placementSum(m, lengthMonths). */
  placementSum(k: number, lengthMonths: number, last: number): number {
    if (last === 0) return lengthMonths * this.factor[k]!;
    const at = k * (this.longestLast + 1) + last;
    return 0.5 * this.factor[k]! + (this.prefixAt[at]! - this.prefixNext[k]!) + (0.5 + lengthMonths - last) * this.factorAt[at]!;
  }
}

/**
 * Sum of `factor` over the months a placement started mid-month m touches, each weighted by the
 * share of the month it covers; x 52/12 gives weeks x factor. O(1) from the factor's prefix sums.
 * lengthMonths = weeks x 12 / 52.
 */
export function placementSum(prefix: Float64Array, factor: Float64Array, m: number, lengthMonths: number): number {
  if (lengthMonths <= 0.5) return lengthMonths * factor[m]!;
  const last = Math.ceil(0.5 + lengthMonths) - 1; // offset of the last month touched
  const full = prefix[m + last]! - prefix[m + 1]!; // offsets 1 .. last - 1
  return 0.5 * factor[m]! + full + (0.5 + lengthMonths - last) * factor[m + last]!;
}

/** Adds one placement's weeks, month by month, into `weeks` (scaled by `count`). */
export function addPlacementWeeks(weeks: Float64Array, m: number, lengthMonths: number, count: number): void {
  if (lengthMonths <= 0.5) {
    weeks[m] = weeks[m]! + count * lengthMonths * WEEKS_PER_MONTH;
    return;
  }
  const last = Math.ceil(0.5 + lengthMonths) - 1;
  weeks[m] = weeks[m]! + count * 0.5 * WEEKS_PER_MONTH;
  for (let j = 1; j < last; j++) weeks[m + j] = weeks[m + j]! + count * WEEKS_PER_MONTH;
  weeks[m + last] = weeks[m + last]! + count * (0.5 + lengthMonths - last) * WEEKS_PER_MONTH;
}
