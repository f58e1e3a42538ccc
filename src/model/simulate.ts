/**
 * Monte Carlo over typed arrays (shared/model.md section 10): the same model as project.ts, run
 * for many draws of the inputs, keeping per iteration only what the summaries need.
 *
 * Structure exploited (profiled on the CLASS central case):
 * - the options share one run of the waiting list: option k's starts are the first months of the
 *   longest option's, so every option's totals are prefix sums over start months;
 * - an avoided placement's value (its weeks x growth x discount) is an O(1) difference of prefix
 *   sums, whatever its length, so nothing loops over a placement's months;
 * - cumulative cash for the payback check is the same for every option up to its term's end;
 * - what depends only on inputs that do not vary (discount factors, growth, cost shape) is
 *   computed once, and recomputed only when its inputs change from one iteration to the next;
 * - one scratch buffer per quantity, reused: no allocation per iteration.
 */
import { contractEndMonth, externalShareByMonth } from './funding';
import { poisson, binomial } from './random/sample';
import { startInArrivalOrderInPlace } from './service';
import type { Rng } from './random/rng';
import { buildTimeline, deflatorOf, discountFactor, fixedTermMonths, moneySettings, placementTailMonths, termMonths, WEEKS_PER_MONTH, type Timeline } from './time';
import type { FundingEntry, Inputs } from './types';

/** The numeric inputs that Monte Carlo may vary from one iteration to the next. */
export const VARYING_FIELDS = [
  'annualValue',
  'annualUplift',
  'costOptimismBias',
  'externalShare',
  'referralsPerYear',
  'referralGrowth',
  'capacityPerMonth',
  'breakdownRisk',
  'effectiveness',
  'residentialEscalation',
  'residentialWeeks',
  'residentialWeeklyCost',
  'alternativeWeeklyCost',
  'moveCost',
  'cashableShare',
  'discountRate',
  'inflation',
  'residentialCostGrowth',
  'optimismBias',
  'attribution',
] as const;

export type VaryingField = (typeof VARYING_FIELDS)[number];

/**
 * One column of values per varying input for a block of iterations (constants as numbers), and one
 * per funding.schedule entry's share, in the schedule's order (section 16).
 */
export type InputColumns = Record<VaryingField, Float64Array | number> & { scheduleShares: readonly (Float64Array | number)[] };

/** How a run is laid out: the fixed structure and what the summaries need. */
export interface SimulationPlan {
  /** Central inputs: the structure (dates, councils, extension years) and any constant value. */
  base: Inputs;
  /** Longest placement any iteration can draw, in weeks: sets the common horizon. */
  longestWeeks: number;
  /** Whole children, Poisson referrals, binomial outcomes, one length per placement. */
  processVariability: boolean;
  /** Draws one placement's length in weeks (process variability); defaults to the iteration's value. */
  placementWeeks?: (rng: Rng) => number;
  /** How many of the first iterations keep financial-year detail for the fan chart. */
  fanIterations: number;
}

/** Inputs that change the contract cost's shape over months (not only its size). */
export const COST_SHAPE_FIELDS = ['annualUplift', 'discountRate', 'externalShare', 'inflation'] as const;

/** True when any cost-shape input (schedule shares included) varies between iterations in these columns. */
export function costShapeVaries(columns: InputColumns): boolean {
  return COST_SHAPE_FIELDS.some((f) => typeof columns[f] !== 'number') || columns.scheduleShares.some((c) => typeof c !== 'number');
}

/** Derived layout shared by the simulation and its summaries. */
export interface SimulationLayout {
  options: number;
  /** Months in each option's term. */
  terms: number[];
  horizon: number;
  timeline: Timeline;
  /** Perspective names: "region" then each council. */
  perspectives: string[];
}

export function simulationLayout(plan: SimulationPlan): SimulationLayout {
  const base = plan.base;
  const terms = Array.from({ length: base.maxExtensionYears + 1 }, (_, k) => termMonths(base, k));
  const horizon = terms.at(-1)! + placementTailMonths(plan.longestWeeks);
  return {
    options: terms.length,
    terms,
    horizon,
    timeline: buildTimeline(base.start, horizon, moneySettings(base)),
    perspectives: ['region', ...base.councils.map((c) => c.name)],
  };
}

/**
 * Per-iteration results, for the region. Council figures follow from them: a council's benefit
 * and counts are the region's x children_share; its cost is match_share x the part of the cost
 * the grant does not pay ("paid"). Contract costs are stored as a monthly cost per iteration times
 * per-option sums of the cost shape, which are the same for every iteration unless the uplift,
 * discount rate or grant share vary.
 */
export interface SimulationOutput {
  iterations: number;
  /**
   * [option][iteration]. Present values in double precision; cash and placements in single
   * precision (7 significant digits, pennies on a million pounds) to keep a million iterations
   * within the memory target.
   */
  avoidedCostPV: Float64Array[];
  avoidedCost: Float32Array[];
  /** The cashable part of avoidedCost (section 12): cashable_share x the residential part, moves in full. */
  avoidedCostCashable: Float32Array[];
  placementsAvoided: Float32Array[];
  /** [iteration]: annual value / 12 x (1 + cost optimism bias). */
  monthlyCost: Float64Array;
  /** Per option: sums over its term of the cost shape: cash, PV, paid by councils cash, paid PV. */
  costSums: Float64Array;
  /** When true, costSums holds one block of options x 4 per iteration. */
  costShapeVaries: boolean;
  /** [perspective][iteration]: first month with cumulative cash >= 0 within the longest term, or -1. */
  paybackMonth: Int16Array[];
  /**
   * [iteration]: the month the contract stopped being bought (section 16), the longest term when
   * it ran to the end; option k ran for min(term k, this) months.
   */
  endMonth: Int16Array;
  /** For the first fanIterations: [option] of iteration x financial year, region cash. */
  fanAvoided: Float64Array[];
  fanCost: Float64Array[];
  fanPaid: Float64Array[];
  /** The cashable part of fanAvoided (section 12), for the budget's percentiles. */
  fanCashable: Float64Array[];
  fanIterations: number;
}

/** Bytes needed for an output (so it can live in one SharedArrayBuffer for worker threads). */
export function outputBytes(layout: SimulationLayout, iterations: number, fanIterations: number, costShapeVaries: boolean): number {
  const years = layout.timeline.yearLabels.length;
  const doubles = layout.options * iterations + iterations + layout.options * 4 * (costShapeVaries ? iterations : 1) + 4 * layout.options * fanIterations * years;
  return doubles * 8 + 3 * layout.options * iterations * 4 + (layout.perspectives.length + 1) * iterations * 2;
}

/**
 * An output's arrays, carved from `buffer` (fresh, or shared between threads) in a fixed order,
 * so every thread that views the same buffer sees the same arrays.
 */
export function createOutput(
  layout: SimulationLayout,
  iterations: number,
  fanIterations: number,
  costShapeVaries: boolean,
  buffer: ArrayBufferLike = new ArrayBuffer(outputBytes(layout, iterations, fanIterations, costShapeVaries)),
): SimulationOutput {
  let offset = 0;
  const doubles = (length: number): Float64Array => {
    const view = new Float64Array(buffer, offset, length);
    offset += length * 8;
    return view;
  };
  const singles = (length: number): Float32Array => {
    const view = new Float32Array(buffer, offset, length);
    offset += length * 4;
    return view;
  };
  const perOption = (length: number): Float64Array[] => Array.from({ length: layout.options }, () => doubles(length));
  const years = layout.timeline.yearLabels.length;
  // Doubles first, then singles, then 16-bit months, so every view is aligned.
  const output = {
    iterations,
    avoidedCostPV: perOption(iterations),
    monthlyCost: doubles(iterations),
    costSums: doubles(layout.options * 4 * (costShapeVaries ? iterations : 1)),
    costShapeVaries,
    fanAvoided: perOption(fanIterations * years),
    fanCost: perOption(fanIterations * years),
    fanPaid: perOption(fanIterations * years),
    fanCashable: perOption(fanIterations * years),
    fanIterations,
    avoidedCost: [] as Float32Array[],
    avoidedCostCashable: [] as Float32Array[],
    placementsAvoided: [] as Float32Array[],
    paybackMonth: [] as Int16Array[],
    endMonth: new Int16Array(0) as Int16Array,
  };
  for (let k = 0; k < layout.options; k++) output.avoidedCost.push(singles(iterations));
  for (let k = 0; k < layout.options; k++) output.avoidedCostCashable.push(singles(iterations));
  for (let k = 0; k < layout.options; k++) output.placementsAvoided.push(singles(iterations));
  for (let p = 0; p < layout.perspectives.length; p++) {
    output.paybackMonth.push(new Int16Array(buffer, offset, iterations));
    offset += iterations * 2;
  }
  output.endMonth = new Int16Array(buffer, offset, iterations);
  return output;
}

/** Contract cost of option k in iteration i: 0 cash, 1 PV, 2 paid by councils (cash), 3 paid PV. */
export function costOf(out: SimulationOutput, options: number, k: number, i: number, which: 0 | 1 | 2 | 3): number {
  return out.monthlyCost[i]! * out.costSums[(out.costShapeVaries ? i * options * 4 : 0) + k * 4 + which]!;
}

/**
 * The contract's cost over the longest term for one set of cost inputs (uplift, grant shares,
 * discount rate, inflation): by month, its sums per option, and the month the contract stops.
 * Kept in a small cache, so draws that repeat a few grant shares (a discrete share) reuse them.
 */
class CostShape {
  readonly costShape: Float64Array; // cash cost of a month at 1 a month before uplift, 0 from endMonth
  readonly costShapePV: Float64Array; // present value of the same
  readonly paidShare: Float64Array; // 1 - the month's external share
  readonly externalShare: Float64Array; // the month's external share (section 16)
  /** Per option: cost shape sums (cash, PV, paid cash, paid PV). */
  readonly costSums: Float64Array;
  /** Cumulative cost shape, and cumulative paid-by-councils shape, to the end of each month. */
  readonly cumulativeCost: Float64Array;
  readonly cumulativePaid: Float64Array;
  /** [option][year]: cost shape and paid shape summed over the option's months in each year. */
  readonly costByYear: Float64Array;
  readonly paidByYear: Float64Array;
  /** Smallest cost and paid shapes in the longest term. */
  costShapeMin = 1;
  paidShapeMin = 1;
  /** The month the contract stops being bought (the longest term when it runs to the end). */
  endMonth: number;

  constructor(term: number, options: number, years: number) {
    this.costShape = new Float64Array(term);
    this.costShapePV = new Float64Array(term);
    this.paidShare = new Float64Array(term);
    this.externalShare = new Float64Array(term);
    this.costSums = new Float64Array(options * 4);
    this.cumulativeCost = new Float64Array(term);
    this.cumulativePaid = new Float64Array(term);
    this.costByYear = new Float64Array(options * years);
    this.paidByYear = new Float64Array(options * years);
    this.endMonth = term;
  }
}

/** Cost shapes kept per workspace; a run whose cost inputs take more values than this recomputes. */
const COST_SHAPE_CACHE = 64;

/** Scratch buffers and cached month-by-month factors, reused across iterations. */
class Workspace {
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
class ShapeTables {
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

class FactorTables {
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

/** Reads column `field` at iteration i. */
function at(columns: InputColumns, field: VaryingField, i: number): number {
  const c = columns[field];
  return typeof c === 'number' ? c : c[i]!;
}

/**
 * The first-in-first-out waiting list with fractional children (as service.ts), into ws.starts.
 * Shortcuts: when capacity covers every month's referrals, everyone starts at once; when
 * referrals fill capacity every month, capacity is used in full.
 */
/** How this iteration's starts are shaped: referrals x shape, flat at capacity, or neither. */
const enum StartsShape {
  Referrals = 0,
  Flat = 1,
  Other = 2,
}

/** Which shape the starts take, without working them out. */
function startsShape(ws: Workspace, referralsPerMonth: number, capacity: number): StartsShape {
  if (capacity >= referralsPerMonth * ws.referralShapeMax) return StartsShape.Referrals;
  if (capacity <= referralsPerMonth * ws.referralShapeMin) return StartsShape.Flat;
  return StartsShape.Other;
}

function fillStarts(ws: Workspace, referralsPerMonth: number, capacity: number, maxWait: number): StartsShape {
  const term = ws.longestTerm;
  const starts = ws.starts;
  const shape = ws.referralShape;
  const kind = startsShape(ws, referralsPerMonth, capacity);
  if (kind === StartsShape.Referrals) {
    for (let m = 0; m < term; m++) starts[m] = referralsPerMonth * shape[m]!;
    return kind;
  }
  if (kind === StartsShape.Flat) {
    starts.fill(capacity);
    return kind;
  }
  const waiting = ws.waiting;
  waiting.fill(0);
  let oldest = 0;
  for (let m = 0; m < term; m++) {
    waiting[m] = referralsPerMonth * shape[m]!;
    starts[m] = startInArrivalOrderInPlace(waiting, oldest, m, capacity);
    while (oldest <= m && oldest + maxWait <= m) waiting[oldest++] = 0;
  }
  return StartsShape.Other;
}

/** The waiting list with whole children and Poisson referrals (process variability). */
function fillStartsWithChance(ws: Workspace, rng: Rng, referralsPerMonth: number, capacity: number, maxWait: number): void {
  const term = ws.longestTerm;
  const waiting = ws.waiting;
  waiting.fill(0);
  let oldest = 0;
  let credit = 0;
  for (let m = 0; m < term; m++) {
    waiting[m] = poisson(rng, referralsPerMonth * ws.referralShape[m]!);
    // Capacity in whole children: the fractional part of a month's capacity carries over.
    credit += capacity;
    const whole = Math.floor(credit);
    credit -= whole;
    ws.starts[m] = startInArrivalOrderInPlace(waiting, oldest, m, whole);
    while (oldest <= m && oldest + maxWait <= m) waiting[oldest++] = 0;
  }
}

/**
 * Sum of `factor` over the months a placement started mid-month m touches, each weighted by the
 * share of the month it covers; x 52/12 gives weeks x factor. O(1) from the factor's prefix sums.
 * lengthMonths = weeks x 12 / 52.
 */
function placementSum(prefix: Float64Array, factor: Float64Array, m: number, lengthMonths: number): number {
  if (lengthMonths <= 0.5) return lengthMonths * factor[m]!;
  const last = Math.ceil(0.5 + lengthMonths) - 1; // offset of the last month touched
  const full = prefix[m + last]! - prefix[m + 1]!; // offsets 1 .. last - 1
  return 0.5 * factor[m]! + full + (0.5 + lengthMonths - last) * factor[m + last]!;
}

/** Adds one placement's weeks, month by month, into `weeks` (scaled by `count`). */
function addPlacementWeeks(weeks: Float64Array, m: number, lengthMonths: number, count: number): void {
  if (lengthMonths <= 0.5) {
    weeks[m] = weeks[m]! + count * lengthMonths * WEEKS_PER_MONTH;
    return;
  }
  const last = Math.ceil(0.5 + lengthMonths) - 1;
  weeks[m] = weeks[m]! + count * 0.5 * WEEKS_PER_MONTH;
  for (let j = 1; j < last; j++) weeks[m + j] = weeks[m + j]! + count * WEEKS_PER_MONTH;
  weeks[m + last] = weeks[m + last]! + count * (0.5 + lengthMonths - last) * WEEKS_PER_MONTH;
}

/**
 * Runs iterations [from, to) of a block whose input columns start at iteration `columnOffset`,
 * writing into `out` at the same iteration indices. `rng` is only used with process variability.
 */
export function simulateBlock(
  plan: SimulationPlan,
  layout: SimulationLayout,
  columns: InputColumns,
  columnOffset: number,
  from: number,
  to: number,
  out: SimulationOutput,
  rng: Rng | null,
  workspace?: Workspace,
): void {
  if (!out.costShapeVaries && costShapeVaries(columns)) throw new Error('simulateBlock: the cost shape varies but the output keeps one set of cost sums');
  const ws = workspace ?? new Workspace(layout, plan.base);
  const base = plan.base;
  const options = layout.options;
  const terms = layout.terms;
  const longestTerm = ws.longestTerm;
  const councils = base.councils;
  const perspectiveCount = layout.perspectives.length;
  const childrenShares = councils.map((c) => c.childrenShare);
  const matchShares = councils.map((c) => c.matchShare);
  const paybackFound = new Int16Array(perspectiveCount);
  const yearOfMonth = layout.timeline.yearOfMonth;
  const years = layout.timeline.yearLabels.length;
  const maxLengthMonths = (plan.longestWeeks * 12) / 52;
  // The smallest option that includes start month m.
  const firstOptionWithMonth = new Int32Array(longestTerm);
  for (let m = 0, k = 0; m < longestTerm; m++) {
    while (terms[k]! <= m) k++;
    firstOptionWithMonth[m] = k;
  }

  const longestLast = maxLengthMonths <= 0.5 ? 0 : Math.ceil(0.5 + maxLengthMonths) - 1;
  // Start-shape tables pay off only when the money factors stay the same across iterations.
  const moneyFixed = typeof columns.discountRate === 'number' && typeof columns.residentialCostGrowth === 'number' && typeof columns.inflation === 'number';
  const referralShapeFixed = typeof columns.referralGrowth === 'number';
  const placements = ws.placements;
  const prevented = ws.prevented;
  const prefix = ws.placementPrefix;

  for (let i = from; i < to; i++) {
    const c = i - columnOffset;

    const lengthMonths = Math.min(maxLengthMonths, (at(columns, 'residentialWeeks', c) * 12) / 52);
    const last = lengthMonths <= 0.5 ? 0 : Math.ceil(0.5 + lengthMonths) - 1;
    const lastShare = 0.5 + lengthMonths - last;
    // The money factors as far as this draw reads them: its placements' tails (all of the horizon
    // for start-shape tables, which span every length, and for one length per placement).
    const moneyNeed = moneyFixed || plan.processVariability ? ws.months : longestTerm + last + 2;
    ws.updateMoneyFactors(at(columns, 'residentialCostGrowth', c), at(columns, 'discountRate', c), at(columns, 'inflation', c), moneyNeed);
    ws.updateReferralShape(at(columns, 'referralGrowth', c));
    ws.updateCostShape(at(columns, 'annualUplift', c), at(columns, 'externalShare', c), columns, c);
    const cost = ws.cost;
    const endMonth = cost.endMonth;
    const cashableShare = at(columns, 'cashableShare', c);

    const referralsPerMonth = at(columns, 'referralsPerYear', c) / 12;
    const capacity = at(columns, 'capacityPerMonth', c);
    const preventedPerStart = at(columns, 'breakdownRisk', c) * at(columns, 'effectiveness', c) * at(columns, 'attribution', c);
    const escalation = at(columns, 'residentialEscalation', c);
    const netWeekly = at(columns, 'residentialWeeklyCost', c) - at(columns, 'alternativeWeeklyCost', c);
    const moveCost = at(columns, 'moveCost', c);
    const kept = 1 - at(columns, 'optimismBias', c);
    const monthlyCost = (at(columns, 'annualValue', c) / 12) * (1 + at(columns, 'costOptimismBias', c));
    const cashGrowth = ws.cashGrowth;
    const discount = ws.discount;
    const deflator = ws.deflator;
    const fan = i < out.fanIterations;

    // Where the payback check and the fan read placements and prevented breakdowns by start
    // month: a fixed shape times a rate, or this iteration's own arrays (rates 1).
    let placementSource = placements;
    let placementPrefix = prefix;
    let preventedSource = prevented;
    let placementRate = 1;
    let preventedRate = 1;
    let placementMax = 0;
    let preventedMax = 0;

    if (!plan.processVariability) {
      const shape = startsShape(ws, referralsPerMonth, capacity);
      if (shape !== StartsShape.Other && moneyFixed && (shape === StartsShape.Flat || referralShapeFixed)) {
        // Starts are scale x a fixed shape (stopping where the contract ended): every option's
        // totals from the tables, O(1) each.
        const tables = ws.tablesFor(shape, longestLast, endMonth);
        const scale = shape === StartsShape.Flat ? capacity : referralsPerMonth;
        preventedRate = scale * preventedPerStart;
        placementRate = preventedRate * escalation;
        const residential = placementRate * netWeekly * WEEKS_PER_MONTH;
        const moves = preventedRate * moveCost;
        for (let k = 0; k < options; k++) {
          out.avoidedCostPV[k]![i] = kept * (residential * tables.pv.placementSum(k, lengthMonths, last) + moves * tables.moves[k]!);
          const residentialCash = residential * tables.cash.placementSum(k, lengthMonths, last);
          const movesCash = moves * tables.movesCash[k]!;
          out.avoidedCost[k]![i] = kept * (residentialCash + movesCash);
          out.avoidedCostCashable[k]![i] = kept * (cashableShare * residentialCash + movesCash);
          out.placementsAvoided[k]![i] = placementRate * tables.starts[k]!;
        }
        placementSource = tables.shape;
        placementPrefix = tables.shapePrefix;
        preventedSource = tables.shape;
        placementMax = placementRate * tables.shapeMax;
        preventedMax = preventedRate * tables.shapeMax;
      } else {
        fillStarts(ws, referralsPerMonth, capacity, base.maxWaitMonths);
        const starts = ws.starts;
        starts.fill(0, endMonth); // nobody starts once the contract has ended (section 16)
        for (let m = 0; m < longestTerm; m++) {
          const prev = starts[m]! * preventedPerStart;
          prevented[m] = prev;
          placements[m] = prev * escalation;
          prefix[m + 1] = prefix[m]! + prev * escalation;
          if (prev > preventedMax) preventedMax = prev;
        }
        placementMax = preventedMax * escalation;
        // Value per placement started in month m: weeks x growth (x discount), O(1) each.
        const pvPrefix = ws.growthDiscountPrefix;
        const pvFactor = ws.growthDiscount;
        const cashPrefix = ws.cashGrowthPrefix;
        let pvSum = 0;
        let cashSum = 0; // residential part, cash
        let movesCashSum = 0;
        let option = 0;
        for (let m = 0; m < longestTerm; m++) {
          const place = placements[m]!;
          let unitPV: number;
          let unitCash: number;
          if (last === 0) {
            unitPV = lengthMonths * pvFactor[m]!;
            unitCash = lengthMonths * cashGrowth[m]!;
          } else {
            unitPV = 0.5 * pvFactor[m]! + (pvPrefix[m + last]! - pvPrefix[m + 1]!) + lastShare * pvFactor[m + last]!;
            unitCash = 0.5 * cashGrowth[m]! + (cashPrefix[m + last]! - cashPrefix[m + 1]!) + lastShare * cashGrowth[m + last]!;
          }
          pvSum += place * netWeekly * WEEKS_PER_MONTH * unitPV + prevented[m]! * moveCost * discount[m]!;
          cashSum += place * netWeekly * WEEKS_PER_MONTH * unitCash;
          movesCashSum += prevented[m]! * moveCost * deflator[m]!;
          while (option < options && terms[option] === m + 1) {
            out.avoidedCostPV[option]![i] = pvSum * kept;
            out.avoidedCost[option]![i] = (cashSum + movesCashSum) * kept;
            out.avoidedCostCashable[option]![i] = (cashableShare * cashSum + movesCashSum) * kept;
            out.placementsAvoided[option]![i] = prefix[m + 1]!;
            option++;
          }
        }
      }
    } else {
      fillStartsWithChance(ws, rng!, referralsPerMonth, capacity, base.maxWaitMonths);
      const starts = ws.starts;
      starts.fill(0, endMonth); // nobody starts once the contract has ended (section 16)
      ws.weeks.fill(0);
      if (fan) {
        ws.fanAccumulator.fill(0);
        ws.fanCashableAccumulator.fill(0);
      }
      let pvSum = 0;
      let cashSum = 0; // residential part, cash
      let movesCashSum = 0;
      let option = 0;
      for (let m = 0; m < longestTerm; m++) {
        const prev = binomial(rng!, starts[m]!, preventedPerStart);
        const place = binomial(rng!, prev, escalation);
        prevented[m] = prev;
        placements[m] = place;
        prefix[m + 1] = prefix[m]! + place;
        for (let p = 0; p < place; p++) {
          const length = plan.placementWeeks ? Math.min(maxLengthMonths, (plan.placementWeeks(rng!) * 12) / 52) : lengthMonths;
          pvSum += netWeekly * WEEKS_PER_MONTH * placementSum(ws.growthDiscountPrefix, ws.growthDiscount, m, length);
          cashSum += netWeekly * WEEKS_PER_MONTH * placementSum(ws.cashGrowthPrefix, cashGrowth, m, length);
          addPlacementWeeks(ws.weeks, m, length, 1);
          if (fan) addFanCohort(ws, firstOptionWithMonth[m]!, m, length, netWeekly * kept, cashableShare, years);
        }
        pvSum += prev * moveCost * discount[m]!;
        movesCashSum += prev * moveCost * deflator[m]!;
        if (prev > preventedMax) preventedMax = prev;
        if (fan) {
          const cell = firstOptionWithMonth[m]! * years + yearOfMonth[m]!;
          ws.fanAccumulator[cell]! += prev * moveCost * kept * deflator[m]!;
          ws.fanCashableAccumulator[cell]! += prev * moveCost * kept * deflator[m]!;
        }
        while (option < options && terms[option] === m + 1) {
          out.avoidedCostPV[option]![i] = pvSum * kept;
          out.avoidedCost[option]![i] = (cashSum + movesCashSum) * kept;
          out.avoidedCostCashable[option]![i] = (cashableShare * cashSum + movesCashSum) * kept;
          out.placementsAvoided[option]![i] = prefix[m + 1]!;
          option++;
        }
      }
    }

    out.monthlyCost[i] = monthlyCost;
    if (out.costShapeVaries) out.costSums.set(cost.costSums, i * options * 4);
    else if (i === from) out.costSums.set(cost.costSums);

    // Payback: the first month, within the longest term, when cumulative cash net >= 0, for
    // each perspective: a council's cumulative net is children_share x avoided - match_share x paid.
    // A fan iteration goes on to the end of the term to record every month's avoided cash.
    paybackFound.fill(-1);
    let unfound = perspectiveCount;
    const residentialValue = netWeekly * kept;
    const moveValue = moveCost * kept;
    const needAllMonths = fan && !plan.processVariability;
    // A perspective whose largest possible monthly benefit is below its smallest monthly cost
    // never pays back: a month's placement weeks are at most (largest monthly placements) x
    // (placement length in months) x 52/12. (Not with one length per placement.)
    if (!plan.processVariability && residentialValue >= 0 && moveValue >= 0) {
      const largestMonthlyBenefit = residentialValue * WEEKS_PER_MONTH * ws.growthMax * placementMax * lengthMonths + moveValue * preventedMax * ws.deflatorMax;
      if (largestMonthlyBenefit < monthlyCost * cost.costShapeMin) {
        paybackFound[0] = -2;
        unfound--;
      }
      for (let p = 1; p < perspectiveCount; p++) {
        if (childrenShares[p - 1]! * largestMonthlyBenefit < matchShares[p - 1]! * monthlyCost * cost.paidShapeMin) {
          paybackFound[p] = -2;
          unfound--;
        }
      }
    }
    let cumulativeAvoided = 0;
    for (let t = 0; t < longestTerm && (unfound > 0 || needAllMonths); t++) {
      let weeks: number;
      if (plan.processVariability) {
        weeks = ws.weeks[t]!;
      } else if (last === 0) {
        weeks = placementRate * placementSource[t]! * lengthMonths * WEEKS_PER_MONTH;
      } else {
        // Placements started in t (half a month), t-last+1 .. t-1 (full), t-last (the rest).
        const fullFrom = t - last + 1 > 0 ? t - last + 1 : 0;
        let covered = 0.5 * placementSource[t]! + (placementPrefix[t]! - placementPrefix[fullFrom]!);
        if (t >= last) covered += lastShare * placementSource[t - last]!;
        weeks = placementRate * covered * WEEKS_PER_MONTH;
      }
      const residentialCash = residentialValue * weeks * cashGrowth[t]!;
      const movesCash = preventedRate * preventedSource[t]! * moveValue * deflator[t]!;
      const avoided = residentialCash + movesCash;
      if (needAllMonths) {
        ws.monthlyAvoided[t] = avoided;
        ws.monthlyCashable[t] = residentialCash * cashableShare + movesCash;
      }
      cumulativeAvoided += avoided;
      if (unfound === 0) continue;
      if (paybackFound[0] === -1 && cumulativeAvoided >= monthlyCost * cost.cumulativeCost[t]!) {
        paybackFound[0] = t;
        unfound--;
      }
      for (let p = 1; p < perspectiveCount; p++) {
        if (paybackFound[p] === -1 && childrenShares[p - 1]! * cumulativeAvoided >= matchShares[p - 1]! * monthlyCost * cost.cumulativePaid[t]!) {
          paybackFound[p] = t;
          unfound--;
        }
      }
    }
    for (let p = 0; p < perspectiveCount; p++) out.paybackMonth[p]![i] = paybackFound[p]! < 0 ? -1 : paybackFound[p]!;
    out.endMonth[i] = endMonth;

    if (fan) {
      const row = i * years;
      for (let k = 0; k < options; k++) {
        for (let y = 0; y < years; y++) {
          out.fanCost[k]![row + y] = monthlyCost * cost.costByYear[k * years + y]!;
          out.fanPaid[k]![row + y] = monthlyCost * cost.paidByYear[k * years + y]!;
        }
      }
      if (plan.processVariability) {
        // Option k's avoided cash in year y: placements whose first option is <= k.
        for (let k = 0; k < options; k++) {
          for (let y = 0; y < years; y++) {
            const prior = k > 0 ? out.fanAvoided[k - 1]![row + y]! : 0;
            out.fanAvoided[k]![row + y] = prior + ws.fanAccumulator[k * years + y]!;
            const priorCashable = k > 0 ? out.fanCashable[k - 1]![row + y]! : 0;
            out.fanCashable[k]![row + y] = priorCashable + ws.fanCashableAccumulator[k * years + y]!;
          }
        }
      } else {
        // Months inside option k's term are the same for every longer option; after it, only
        // placements that started within the term still run (the tail).
        const byYear = ws.avoidedByYear;
        const cashableByYear = ws.cashableByYear;
        byYear.fill(0);
        cashableByYear.fill(0);
        let option = 0;
        for (let t = 0; t < longestTerm; t++) {
          byYear[yearOfMonth[t]!]! += ws.monthlyAvoided[t]!;
          cashableByYear[yearOfMonth[t]!]! += ws.monthlyCashable[t]!;
          while (option < options && terms[option] === t + 1) {
            const target = out.fanAvoided[option]!;
            const targetCashable = out.fanCashable[option]!;
            for (let y = 0; y < years; y++) {
              target[row + y] = byYear[y]!;
              targetCashable[row + y] = cashableByYear[y]!;
            }
            const term = terms[option]!;
            for (let u = term; u < term + last + 1 && u < ws.months; u++) {
              // Placements from months u-last .. term-1 still run in month u (none start after the term).
              let covered = 0;
              const fullFrom = u - last + 1 > 0 ? u - last + 1 : 0;
              if (fullFrom < term) covered += placementPrefix[term]! - placementPrefix[fullFrom]!;
              if (u - last >= 0 && u - last < term) covered += lastShare * placementSource[u - last]!;
              const tail = residentialValue * placementRate * covered * WEEKS_PER_MONTH * cashGrowth[u]!;
              target[row + yearOfMonth[u]!]! += tail;
              targetCashable[row + yearOfMonth[u]!]! += tail * cashableShare;
            }
            option++;
          }
        }
      }
    }
  }
}

/**
 * Adds one placement's avoided residential cash, by financial year, to the fan accumulators (the
 * cashable part x cashable_share into the second).
 */
function addFanCohort(ws: Workspace, firstOption: number, m: number, lengthMonths: number, valuePerWeek: number, cashableShare: number, years: number): void {
  const year = ws.layout.timeline.yearOfMonth;
  const row = firstOption * years;
  const acc = ws.fanAccumulator;
  const cashable = ws.fanCashableAccumulator;
  if (valuePerWeek === 0) return;
  if (lengthMonths <= 0.5) {
    const value = valuePerWeek * lengthMonths * WEEKS_PER_MONTH * ws.cashGrowth[m]!;
    acc[row + year[m]!]! += value;
    cashable[row + year[m]!]! += value * cashableShare;
    return;
  }
  const last = Math.ceil(0.5 + lengthMonths) - 1;
  for (let j = 0; j <= last; j++) {
    const share = j === 0 ? 0.5 : j === last ? 0.5 + lengthMonths - last : 1;
    const value = valuePerWeek * share * WEEKS_PER_MONTH * ws.cashGrowth[m + j]!;
    acc[row + year[m + j]!]! += value;
    cashable[row + year[m + j]!]! += value * cashableShare;
  }
}

export { Workspace };
