/**
 * The state of a draw's placements that payback and the fan read after placements.ts has worked
 * them out (PlacementFlows), and the start-shape tables that give every option's totals in O(1)
 * when the starts are a fixed shape times a rate (FactorTables, ShapeTables, ShapeTablesCache).
 */
import { FIRST_MONTH_SHARE } from '../placementSpread';
import { PaybackTables } from './cumulative';
import type { MoneyFactors } from './money';
import { StartsShape, type ReferralShape } from './waitingList';

/**
 * Where the payback check and the fan read a draw's placements and prevented breakdowns by start
 * month: a fixed shape times a rate (start-shape tables), or the draw's own arrays (rates 1).
 */
export class PlacementFlows {
  placementSource: Float64Array;
  /** Prefix sums of placementSource (length + 1). */
  placementPrefix: Float64Array;
  preventedSource: Float64Array;
  placementRate = 1;
  preventedRate = 1;
  /** The most placements, and prevented breakdowns, in any start month (0 with process variability). */
  placementMax = 0;
  preventedMax = 0;
  /** The start-shape tables the sources come from, if they do. */
  tables: ShapeTables | null = null;
  /** The longest option's avoided cash, placements' tails included (NaN when not worked out). */
  avoidedCashTotal = NaN;

  constructor(
    /** The draw's own arrays, by start month over the longest term. */
    readonly placements: Float64Array,
    readonly placementPrefixOwn: Float64Array,
    readonly prevented: Float64Array,
  ) {
    this.placementSource = placements;
    this.placementPrefix = placementPrefixOwn;
    this.preventedSource = prevented;
  }

  /** Back to the draw's own arrays, before a draw fills them. */
  resetToOwn(): void {
    this.placementSource = this.placements;
    this.placementPrefix = this.placementPrefixOwn;
    this.preventedSource = this.prevented;
    this.placementRate = 1;
    this.preventedRate = 1;
    this.placementMax = 0;
    this.preventedMax = 0;
    this.tables = null;
    this.avoidedCashTotal = NaN;
  }
}

/**
 * For starts proportional to a fixed shape sh(m), sums over start months that turn every option's
 * totals into O(1) work per draw: for option k (start months m < T_k) and each whole number of
 * months `last` a placement can reach,
 *   factor  F_k = sum sh(m) f(m)         F1_k = sum sh(m) P(m + 1)
 *   reach   FL_k,L = sum sh(m) f(m + L)  PL_k,L = sum sh(m) P(m + L)
 * with f = growth x discount (PV) or growth x deflator (cash) and P its prefix sum, so that the
 * sum over start months of sh(m) x spreadSum(m, length) is 0.5 F + (PL - F1) + lastShare x FL.
 */
export class FactorTables {
  readonly factor: Float64Array;
  readonly prefixNext: Float64Array;
  /** [option * (longestLast + 1) + last] */
  readonly factorAt: Float64Array;
  readonly prefixAt: Float64Array;

  constructor(
    terms: readonly number[],
    shape: Float64Array,
    factor: Float64Array,
    prefix: Float64Array,
    readonly longestLast: number,
  ) {
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

  /** Sum over option k's start months of sh(m) x spreadSum(m, lengthMonths) (last, lastShare from placementSpread.ts). */
  spreadSum(k: number, lengthMonths: number, last: number, lastShare: number): number {
    if (last === 0) return lengthMonths * this.factor[k]!;
    const at = k * (this.longestLast + 1) + last;
    return FIRST_MONTH_SHARE * this.factor[k]! + (this.prefixAt[at]! - this.prefixNext[k]!) + lastShare * this.factorAt[at]!;
  }
}

/** Every option's sums for starts in a fixed shape (see FactorTables), in PV and in cash. */
export class ShapeTables {
  /** Per option: the sum of the shape over its start months. */
  readonly starts: Float64Array;
  /** Per option: the sum of the shape x discount (moves in PV) and x deflator (moves in cash). */
  readonly moves: Float64Array;
  readonly movesCash: Float64Array;
  /** The shape itself, its prefix sums (length T + 1), and its largest value. */
  readonly shape: Float64Array;
  readonly shapePrefix: Float64Array;
  readonly shapeMax: number;
  readonly pv: FactorTables;
  readonly cash: FactorTables;
  /** Cumulative avoided cash by month, for payback. */
  readonly payback: PaybackTables;

  constructor(
    terms: readonly number[],
    factors: MoneyFactors,
    shape: Float64Array,
    readonly longestLast: number,
    readonly version: number,
  ) {
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
        this.moves[k] = this.moves[k]! + shape[m]! * factors.discount[m]!;
        this.movesCash[k] = this.movesCash[k]! + shape[m]! * factors.deflator[m]!;
      }
    }
    this.pv = new FactorTables(terms, shape, factors.growthDiscount, factors.growthDiscountPrefix, longestLast);
    this.cash = new FactorTables(terms, shape, factors.cashGrowth, factors.cashGrowthPrefix, longestLast);
    this.payback = new PaybackTables(shape, this.shapePrefix, factors, longestLast);
  }
}

/** Start-shape tables by shape and the month starts stop, rebuilt when the money factors or the shape change. */
export class ShapeTablesCache {
  private readonly tables = new Map<number, ShapeTables>();

  constructor(
    private readonly terms: readonly number[],
    private readonly factors: MoneyFactors,
    private readonly referrals: ReferralShape,
  ) {}

  /** The tables for starts shaped as `shape` that stop at `endMonth` (the contract ended with its grant; the longest term otherwise). */
  tablesFor(shape: StartsShape.Referrals | StartsShape.Flat, longestLast: number, endMonth: number): ShapeTables {
    const key = shape * 100_000 + endMonth;
    const current = this.tables.get(key);
    const version = this.factors.version * 1_000_003 + (shape === StartsShape.Referrals ? this.referrals.version : 0);
    if (current && current.version === version) return current;
    const longestTerm = this.referrals.byMonth.length;
    const starts = shape === StartsShape.Referrals ? this.referrals.byMonth.slice() : new Float64Array(longestTerm).fill(1);
    starts.fill(0, endMonth);
    const tables = new ShapeTables(this.terms, this.factors, starts, longestLast, version);
    this.tables.set(key, tables);
    return tables;
  }
}
