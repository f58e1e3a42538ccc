/**
 * A draw's avoided cash within the longest term, cumulated to the end of each month, for the
 * payback search (payback.ts): worked out month by month, or read in O(1) from start-shape
 * payback tables when the draw's starts are a fixed shape times a rate.
 */
import { FIRST_MONTH_SHARE } from '../placementSpread';
import type { MoneyFactors } from './money';

/**
 * For starts in a fixed shape sh (start-shape tables), a draw's avoided cash within the longest
 * term, cumulated to the end of each month, in O(1). A month t's placement weeks, for placements
 * reaching offset `last` and covering lastShare of that month, are W x rate x
 *   FIRST_MONTH_SHARE x sh(t) + (sh(t-last+1) + ... + sh(t-1)) + lastShare x sh(t-last)
 * (placementSpread.ts), so the cumulative residential cash is rate x W x value x
 * (fixedPart_last(t) + lastShare x lastPart_last(t)), both cumulative sums of their terms x cash
 * growth; with last 0 it is length x sh(t). The moves' part is the cumulative sh x deflator.
 */
export class PaybackTables {
  readonly months: number;
  /** [last x months + t] */
  readonly fixedPart: Float64Array;
  readonly lastPart: Float64Array;
  /** [t] */
  readonly moves: Float64Array;

  constructor(shape: Float64Array, shapePrefix: Float64Array, factors: MoneyFactors, longestLast: number) {
    const months = shape.length;
    this.months = months;
    this.fixedPart = new Float64Array((longestLast + 1) * months);
    this.lastPart = new Float64Array((longestLast + 1) * months);
    this.moves = new Float64Array(months);
    const cashGrowth = factors.cashGrowth;
    let moves = 0;
    let whole = 0;
    for (let t = 0; t < months; t++) {
      moves += shape[t]! * factors.deflator[t]!;
      this.moves[t] = moves;
      whole += shape[t]! * cashGrowth[t]!;
      this.fixedPart[t] = whole; // last 0: the whole placement in its start month
    }
    for (let last = 1; last <= longestLast; last++) {
      const row = last * months;
      let fixed = 0;
      let lastMonth = 0;
      for (let t = 0; t < months; t++) {
        const fullFrom = t - last + 1 > 0 ? t - last + 1 : 0;
        fixed += (FIRST_MONTH_SHARE * shape[t]! + (shapePrefix[t]! - shapePrefix[fullFrom]!)) * cashGrowth[t]!;
        if (t >= last) lastMonth += shape[t - last]! * cashGrowth[t]!;
        this.fixedPart[row + t] = fixed;
        this.lastPart[row + t] = lastMonth;
      }
    }
  }
}

/** A draw's avoided cash within the longest term, cumulated to the end of month t. */
export interface CumulativeAvoided {
  at(t: number): number;
}

/** Cumulative avoided cash worked out month by month (ws.cumulativeAvoided). */
export class CumulativeFromMonths implements CumulativeAvoided {
  constructor(readonly values: Float64Array) {}
  at(t: number): number {
    return this.values[t]!;
  }
}

/** Cumulative avoided cash from start-shape payback tables: alpha x (fixed part + share x last part) + beta x moves. */
export class CumulativeFromTables implements CumulativeAvoided {
  tables: PaybackTables | null = null;
  row = 0;
  alpha = 0;
  share = 0;
  beta = 0;

  /** Reads `tables` for a draw whose placements reach offset `last`. */
  use(tables: PaybackTables, last: number, alpha: number, share: number, beta: number): void {
    this.tables = tables;
    this.row = last * tables.months;
    this.alpha = alpha;
    this.share = share;
    this.beta = beta;
  }

  at(t: number): number {
    const tables = this.tables!;
    return this.alpha * (tables.fixedPart[this.row + t]! + this.share * tables.lastPart[this.row + t]!) + this.beta * tables.moves[t]!;
  }
}
