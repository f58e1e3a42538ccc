/** Scratch buffers and cached month-by-month factors of one thread's simulation. */
import { contractEndMonth, externalShareByMonth } from '../funding';
import { deflatorOf, discountFactor, fixedTermMonths } from '../time';
import type { FundingEntry, Inputs } from '../types';
import type { InputColumns } from './inputs';
import { COST_SHAPE_CACHE, CostShape } from './money';
import type { SimulationLayout } from './plan';
import { ShapeTables } from './placements';
import { StartsShape } from './waitingList';

/** Scratch buffers and cached month-by-month factors, reused across iterations. */
export class Workspace {
  readonly months: number;
  readonly longestTerm: number;
  // starts and outcomes by start month (0 .. longestTerm - 1)
  readonly referrals: Float64Array;
  readonly starts: Float64Array;
  readonly waiting: Float64Array;
  readonly placements: Float64Array;
  readonly prevented: Float64Array;
  /** Prefix sums of placements (for the monthly weeks of the payback check). */
  readonly placementPrefix: Float64Array;
  /** Weeks avoided by month (process variability only). */
  readonly weeks: Float64Array;
  // month-by-month factors over the horizon, cached by the inputs they depend on
  readonly growth: Float64Array; // (1 + residential cost growth)^(t/12)
  readonly discount: Float64Array; // (1 + r)^-(year - discount base)
  readonly deflator: Float64Array; // (1 + inflation)^(year - price base): cash = real x this
  readonly cashGrowth: Float64Array; // growth x deflator: a real weekly cost at month t in cash
  readonly growthDiscount: Float64Array; // growth x discount: its present value
  readonly cashGrowthPrefix: Float64Array; // sum over u < t of cashGrowth(u)
  readonly growthDiscountPrefix: Float64Array;
  readonly referralShape: Float64Array; // (1 + referral growth)^(m/12)
  /** The contract's cost for this iteration's cost inputs, and the ones seen before. */
  cost: CostShape;
  private readonly costShapes = new Map<string, CostShape>();
  /** Monthly avoided cash of the longest option (fan iterations), its cashable part, and their sums by year. */
  readonly monthlyAvoided: Float64Array;
  readonly monthlyCashable: Float64Array;
  readonly avoidedByYear: Float64Array;
  readonly cashableByYear: Float64Array;
  /** Start-shape tables (see ShapeTables), by shape and the month starts stop; rebuilt when money factors change. */
  private readonly tables = new Map<number, ShapeTables>();
  moneyVersion = 0;
  /** Changes when the discount rate or inflation changes (what the contract's cost depends on). */
  costFactorsVersion = 0;
  referralVersion = 0;
  /** Largest cash growth factor and deflator in the longest term. */
  growthMax = 1;
  deflatorMax = 1;
  lastCostGrowth = NaN;
  lastDiscountRate = NaN;
  lastInflation = NaN;
  lastReferralGrowth = NaN;
  lastUplift = NaN;
  lastExternalShare = NaN;
  readonly lastScheduleShares: Float64Array;
  readonly schedule: FundingEntry[];
  referralShapeMin = 0;
  referralShapeMax = 0;
  readonly fanAccumulator: Float64Array; // [minimum option][year]
  readonly fanCashableAccumulator: Float64Array; // [minimum option][year]

  constructor(
    readonly layout: SimulationLayout,
    readonly base: Inputs,
  ) {
    this.months = layout.horizon;
    this.longestTerm = layout.terms.at(-1)!;
    const term = this.longestTerm;
    this.referrals = new Float64Array(term);
    this.starts = new Float64Array(term);
    this.waiting = new Float64Array(term);
    this.placements = new Float64Array(term);
    this.prevented = new Float64Array(term);
    this.placementPrefix = new Float64Array(term + 1);
    this.weeks = new Float64Array(this.months);
    this.growth = new Float64Array(this.months);
    this.discount = new Float64Array(this.months);
    this.deflator = new Float64Array(this.months);
    this.cashGrowth = new Float64Array(this.months);
    this.growthDiscount = new Float64Array(this.months);
    this.cashGrowthPrefix = new Float64Array(this.months + 1);
    this.growthDiscountPrefix = new Float64Array(this.months + 1);
    this.referralShape = new Float64Array(term);
    const years = layout.timeline.yearLabels.length;
    this.cost = new CostShape(term, layout.options, years);
    this.monthlyAvoided = new Float64Array(this.months);
    this.monthlyCashable = new Float64Array(this.months);
    this.avoidedByYear = new Float64Array(years);
    this.cashableByYear = new Float64Array(years);
    this.fanAccumulator = new Float64Array(layout.options * years);
    this.fanCashableAccumulator = new Float64Array(layout.options * years);
    this.schedule = base.fundingSchedule.map((entry) => ({ ...entry }));
    this.lastScheduleShares = new Float64Array(this.schedule.length).fill(NaN);
  }

  /** Growth, discount and deflator factors and their prefix sums, when a rate changed. */
  /** Months from 0 for which the growth-dependent factors below hold for the current rates. */
  private moneyMonths = 0;

  /**
   * Growth, discount and deflator factors and their prefix sums for months 0 .. need - 1, for these
   * rates: recomputed from month 0 when a rate changed, extended when more months are needed.
   * A draw reads them only as far as its own placements reach (the fixed-term-plus-extensions
   * months and its placement's tail), so most draws need far fewer months than the horizon.
   */
  updateMoneyFactors(costGrowth: number, discountRate: number, inflation: number, need: number = this.months): void {
    const changed = costGrowth !== this.lastCostGrowth || discountRate !== this.lastDiscountRate || inflation !== this.lastInflation;
    if (!changed && need <= this.moneyMonths) return;
    if (changed) {
      const year = this.layout.timeline.yearOfMonth;
      if (discountRate !== this.lastDiscountRate) {
        for (let t = 0; t < this.months; t++) this.discount[t] = discountFactor(discountRate, year[t]!, this.base.discountBaseYear);
      }
      if (inflation !== this.lastInflation) {
        for (let t = 0; t < this.months; t++) this.deflator[t] = deflatorOf(inflation, year[t]!, this.base.priceBaseYear);
      }
      if (discountRate !== this.lastDiscountRate || inflation !== this.lastInflation) {
        this.lastUplift = NaN; // cost sums depend on both
        this.costFactorsVersion++;
      }
      this.lastCostGrowth = costGrowth;
      this.lastDiscountRate = discountRate;
      this.lastInflation = inflation;
      this.moneyVersion++;
      this.moneyMonths = 0;
      this.growthMax = 0;
      this.deflatorMax = 0;
    }
    // (1 + g)^(t/12): exact at each whole year, one multiplication a month in between.
    const monthly = Math.pow(1 + costGrowth, 1 / 12);
    const from = this.moneyMonths;
    const to = Math.min(need, this.months);
    let cashPrefix = this.cashGrowthPrefix[from]!;
    let pvPrefix = this.growthDiscountPrefix[from]!;
    const growthOf = this.growth;
    const deflator = this.deflator;
    const discount = this.discount;
    const cashGrowth = this.cashGrowth;
    const growthDiscount = this.growthDiscount;
    const cashGrowthPrefix = this.cashGrowthPrefix;
    const growthDiscountPrefix = this.growthDiscountPrefix;
    const longestTerm = this.longestTerm;
    let growthMax = this.growthMax;
    let deflatorMax = this.deflatorMax;
    let growth = from === 0 ? 1 : growthOf[from - 1]!;
    for (let t = from; t < to; t++) {
      growth = t % 12 === 0 ? Math.pow(1 + costGrowth, t / 12) : growth * monthly;
      growthOf[t] = growth;
      const cash = growth * deflator[t]!;
      const pv = growth * discount[t]!;
      cashGrowth[t] = cash;
      growthDiscount[t] = pv;
      cashPrefix += cash;
      pvPrefix += pv;
      cashGrowthPrefix[t + 1] = cashPrefix;
      growthDiscountPrefix[t + 1] = pvPrefix;
      if (t < longestTerm) {
        if (cash > growthMax) growthMax = cash;
        if (deflator[t]! > deflatorMax) deflatorMax = deflator[t]!;
      }
    }
    this.growthMax = growthMax;
    this.deflatorMax = deflatorMax;
    this.moneyMonths = to;
  }

  updateReferralShape(referralGrowth: number): void {
    if (referralGrowth === this.lastReferralGrowth) return;
    let min = Infinity;
    let max = -Infinity;
    for (let m = 0; m < this.longestTerm; m++) {
      const v = Math.pow(1 + referralGrowth, m / 12);
      this.referralShape[m] = v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    this.referralShapeMin = min;
    this.referralShapeMax = max;
    this.lastReferralGrowth = referralGrowth;
    this.referralVersion++;
  }

  /** True when this iteration's schedule shares differ from the last ones seen (and records them). */
  private scheduleChanged(columns: InputColumns, c: number): boolean {
    let changed = false;
    for (let e = 0; e < this.schedule.length; e++) {
      const column = columns.scheduleShares[e]!;
      const share = typeof column === 'number' ? column : column[c]!;
      if (share !== this.lastScheduleShares[e]) {
        this.lastScheduleShares[e] = share;
        this.schedule[e]!.externalShare = share;
        changed = true;
      }
    }
    return changed;
  }

  /**
   * Cost shape by month and its sums per option, when the uplift, grant shares, discount or
   * inflation changed: the month's grant share (section 16), the month the contract stops when it
   * ends with its grant, and the cost in cash and in present value (section 17).
   */
  updateCostShape(uplift: number, externalShare: number, columns: InputColumns, c: number): void {
    const scheduleChanged = this.scheduleChanged(columns, c);
    if (!scheduleChanged && uplift === this.lastUplift && externalShare === this.lastExternalShare) return;
    this.lastUplift = uplift;
    this.lastExternalShare = externalShare;
    const key = `${this.costFactorsVersion}|${uplift}|${externalShare}|${this.lastScheduleShares.join('|')}`;
    const known = this.costShapes.get(key);
    if (known) {
      this.cost = known;
      return;
    }
    if (this.costShapes.size >= COST_SHAPE_CACHE) this.costShapes.clear();
    const years = this.layout.timeline.yearLabels.length;
    this.cost = this.buildCostShape(new CostShape(this.longestTerm, this.layout.options, years), uplift, externalShare);
    this.costShapes.set(key, this.cost);
  }

  private buildCostShape(cost: CostShape, uplift: number, externalShare: number): CostShape {
    const fixedTerm = fixedTermMonths(this.base);
    const year = this.layout.timeline.yearOfMonth;
    const labels = this.layout.timeline.yearLabels;
    const funding = { externalShare, externalShareByYear: this.base.externalShareByYear, fundingSchedule: this.schedule };
    externalShareByMonth(funding, { months: this.longestTerm, yearOfMonth: year, yearLabels: labels }, cost.externalShare);
    cost.endMonth = contractEndMonth(this.base, cost.externalShare, this.longestTerm);
    const cashPrice = this.base.contractPrice === 'cash';
    let cash = 0;
    let pv = 0;
    let paid = 0;
    let paidPV = 0;
    let option = 0;
    let costMin = Infinity;
    let paidMin = Infinity;
    for (let t = 0; t < this.longestTerm; t++) {
      const extensionYear = t < fixedTerm ? 0 : Math.floor((t - fixedTerm) / 12) + 1;
      const price = t < cost.endMonth ? Math.pow(1 + uplift, extensionYear) : 0;
      const shapeCash = cashPrice ? price : price * this.deflator[t]!;
      const shapePV = (cashPrice ? price / this.deflator[t]! : price) * this.discount[t]!;
      cost.costShape[t] = shapeCash;
      cost.costShapePV[t] = shapePV;
      cost.paidShare[t] = 1 - cost.externalShare[t]!;
      cash += shapeCash;
      pv += shapePV;
      paid += shapeCash * cost.paidShare[t]!;
      paidPV += shapePV * cost.paidShare[t]!;
      cost.cumulativeCost[t] = cash;
      cost.cumulativePaid[t] = paid;
      costMin = Math.min(costMin, shapeCash);
      paidMin = Math.min(paidMin, shapeCash * cost.paidShare[t]!);
      while (option < this.layout.options && this.layout.terms[option] === t + 1) {
        cost.costSums[option * 4] = cash;
        cost.costSums[option * 4 + 1] = pv;
        cost.costSums[option * 4 + 2] = paid;
        cost.costSums[option * 4 + 3] = paidPV;
        option++;
      }
    }
    cost.costShapeMin = costMin;
    cost.paidShapeMin = paidMin;
    const years = labels.length;
    for (let k = 0; k < this.layout.options; k++) {
      for (let t = 0; t < this.layout.terms[k]!; t++) {
        cost.costByYear[k * years + year[t]!]! += cost.costShape[t]!;
        cost.paidByYear[k * years + year[t]!]! += cost.costShape[t]! * cost.paidShare[t]!;
      }
    }
    return cost;
  }

  /**
   * The tables for a start shape whose starts stop at `endMonth` (the contract ended with its
   * grant; the longest term otherwise), built now if the money factors or shape changed since.
   */
  tablesFor(shape: StartsShape.Referrals | StartsShape.Flat, longestLast: number, endMonth: number): ShapeTables {
    const key = shape * 100_000 + endMonth;
    const current = this.tables.get(key);
    const version = this.moneyVersion * 1_000_003 + (shape === StartsShape.Referrals ? this.referralVersion : 0);
    if (current && current.version === version) return current;
    const starts = shape === StartsShape.Referrals ? this.referralShape.slice() : new Float64Array(this.longestTerm).fill(1);
    starts.fill(0, endMonth);
    const tables = new ShapeTables(this, starts, longestLast, version);
    this.tables.set(key, tables);
    return tables;
  }
}
