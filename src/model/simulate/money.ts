/**
 * Money and perspectives for the engine (shared/model.md sections 6, 7, 16, 17): the monthly
 * growth, discount and deflator factors a draw's avoided placements are valued with; the
 * contract's cost over months (cash or real price, uplift, the grant's share by month and the
 * month the contract stops); and who bears what in each perspective.
 */
import { contractEndMonth, externalShareByMonth } from '../funding';
import { externalShareInYear } from '../money';
import { fillByYear, fixedTermMonths } from '../time';
import type { FundingEntry, Inputs } from '../types';
import type { SimulationLayout } from './plan';

/**
 * Month-by-month money factors over the horizon for one set of rates, and their prefix sums,
 * recomputed only when a rate changes from one draw to the next.
 */
export class MoneyFactors {
  readonly months: number;
  readonly longestTerm: number;
  /** (1 + residential cost growth)^(t/12) */
  readonly growth: Float64Array;
  /** (1 + r)^-(year - discount base) */
  readonly discount: Float64Array;
  /** (1 + inflation)^(year - price base): cash = real x this */
  readonly deflator: Float64Array;
  /** growth x deflator: a real weekly cost at month t in cash */
  readonly cashGrowth: Float64Array;
  /** growth x discount: its present value */
  readonly growthDiscount: Float64Array;
  /** Sums over u < t of cashGrowth(u) and of growthDiscount(u) (length months + 1). */
  readonly cashGrowthPrefix: Float64Array;
  readonly growthDiscountPrefix: Float64Array;
  /** Changes whenever any factor changes (for tables built on them). */
  version = 0;
  /** Changes when inflation changes (the contract's cost in cash, or in real terms, depends on it). */
  inflationVersion = 0;
  /** Changes when the discount rate changes (only the contract's present values depend on it). */
  discountVersion = 0;
  /** Largest cash growth factor and deflator in the longest term. */
  growthMax = 1;
  deflatorMax = 1;
  private lastCostGrowth = NaN;
  private lastDiscountRate = NaN;
  private lastInflation = NaN;
  /** Months from 0 for which the growth-dependent factors hold for the current rates. */
  private computedMonths = 0;
  /** Months from 0 for which the discount factors, and the deflators, hold for the current rates. */
  private discountMonths = 0;
  private deflatorMonths = 0;

  constructor(
    private readonly layout: SimulationLayout,
    private readonly base: Inputs,
  ) {
    this.months = layout.horizon;
    this.longestTerm = layout.terms.at(-1)!;
    this.growth = new Float64Array(this.months);
    this.discount = new Float64Array(this.months);
    this.deflator = new Float64Array(this.months);
    this.cashGrowth = new Float64Array(this.months);
    this.growthDiscount = new Float64Array(this.months);
    this.cashGrowthPrefix = new Float64Array(this.months + 1);
    this.growthDiscountPrefix = new Float64Array(this.months + 1);
  }

  /**
   * The factors for months 0 .. need - 1 at these rates: recomputed from month 0 when a rate
   * changed, extended when more months are needed. A draw reads them only as far as its own
   * placements reach (the longest term and its placement's tail), often far short of the horizon.
   */
  update(costGrowth: number, discountRate: number, inflation: number, need: number = this.months): void {
    const changed = costGrowth !== this.lastCostGrowth || discountRate !== this.lastDiscountRate || inflation !== this.lastInflation;
    if (!changed && need <= this.computedMonths) return;
    if (changed) {
      // Discount factors and deflators are worked out below as far as the draw reads them.
      if (discountRate !== this.lastDiscountRate) {
        this.discountMonths = 0;
        this.discountVersion++;
      }
      if (inflation !== this.lastInflation) {
        this.deflatorMonths = 0;
        this.inflationVersion++;
      }
      this.lastCostGrowth = costGrowth;
      this.lastDiscountRate = discountRate;
      this.lastInflation = inflation;
      this.version++;
      this.computedMonths = 0;
      this.growthMax = 0;
      this.deflatorMax = 0;
    }
    // (1 + g)^(t/12): one multiplication a month, and at each whole year one by (1 + g) from the
    // year before (within a few parts in 10^15 of a power: a power a year was a tenth of the run's
    // time when the growth is uncertain, and every draw works these out again).
    const yearly = 1 + costGrowth;
    const monthly = Math.pow(yearly, 1 / 12);
    const from = this.computedMonths;
    const to = Math.min(need, this.months);
    // Both step once a financial year: worked out once a year, not once a month, and only as far
    // as `to` (a draw with its own discount rate reads a little over the longest term, not the horizon).
    const year = this.layout.timeline.yearOfMonth;
    if (this.discountMonths < to) {
      fillByYear(this.discount, year, this.discountMonths, to, 'discount', this.lastDiscountRate, this.base.discountBaseYear);
      this.discountMonths = to;
    }
    if (this.deflatorMonths < to) {
      fillByYear(this.deflator, year, this.deflatorMonths, to, 'deflator', this.lastInflation, this.base.priceBaseYear);
      this.deflatorMonths = to;
    }
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
    let monthOfYear = from % 12;
    for (let t = from; t < to; t++, monthOfYear = monthOfYear === 11 ? 0 : monthOfYear + 1) {
      // t is a whole number of years when monthOfYear is 0: the year before's growth x (1 + g).
      growth = monthOfYear === 0 ? (t === 0 ? 1 : growthOf[t - 12]! * yearly) : growth * monthly;
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
    this.computedMonths = to;
  }
}

/**
 * The contract's cost over the longest term for one set of cost inputs (uplift, grant shares,
 * discount rate, inflation), at 1 a month before uplift: by month, its sums per option, and the
 * month the contract stops. A draw's cost is its monthly cost x these.
 */
export class CostShape {
  /** Cash cost of each month, 0 from endMonth. */
  readonly costShape: Float64Array;
  /**
   * The month's price at the discount base's prices (the cash price deflated, or the real price):
   * its present value is this x the month's discount factor.
   */
  readonly realPrice: Float64Array;
  /** 1 - the month's external share: the part the councils pay. */
  readonly paidShare: Float64Array;
  /** Per option: cost shape sums over its term (cash, PV, paid by councils cash, paid PV). */
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
  /** Where its sums were last written in an output: the block (see recordContractCost) and the slot. */
  slotBlock = -1;
  slot = -1;
  /** The discount factors' version (MoneyFactors.discountVersion) its present values are for. */
  discountVersion = -1;
  /** The funding inputs' version (CostShapes' fundingVersion) its grant shares are for. */
  fundingVersion = -1;
  /** Whether costByYear and paidByYear hold for its current cost (CostShapes.withYears). */
  yearsReady = false;

  constructor(term: number, options: number, years: number) {
    this.costShape = new Float64Array(term);
    this.realPrice = new Float64Array(term);
    this.paidShare = new Float64Array(term);
    this.costSums = new Float64Array(options * 4);
    this.cumulativeCost = new Float64Array(term);
    this.cumulativePaid = new Float64Array(term);
    this.costByYear = new Float64Array(options * years);
    this.paidByYear = new Float64Array(options * years);
    this.endMonth = term;
  }
}

/**
 * Cost shapes kept per workspace; past this, a new shape is built into the oldest kept one (a run
 * whose uplift varies continuously has a new shape in every draw, and builds them without allocating).
 */
export const COST_SHAPE_CACHE = 64;

/**
 * The cost shape of each draw's cost inputs, built once per distinct set of them and kept, so
 * draws that repeat a few values (a discrete grant share) share a few shapes.
 */
export class CostShapes {
  /** The shape of the last draw asked about. */
  current: CostShape;
  /** The funding schedule, its shares set to those of the shape being built. */
  private readonly schedule: FundingEntry[];
  /** The shapes built so far, and each one's key: inflation version, uplift, external share, schedule shares. */
  private readonly knownShapes: CostShape[] = [];
  private readonly knownKeys: Float64Array[] = [];
  private currentKey: Float64Array;
  /** The kept shape the next new one is built into, once COST_SHAPE_CACHE are kept. */
  private oldest = 0;
  /** Lookups in a row that found no kept shape (see cashShapeFor). */
  private missesInARow = 0;
  /**
   * The grant's share by month and the month the contract stops, for the funding inputs of the
   * last shape built (external share, then schedule shares): they do not depend on the uplift or
   * inflation, so a run where only those vary works them out once.
   */
  private readonly fundingKey: Float64Array;
  private readonly fundingShares: Float64Array;
  /**
   * Without a funding schedule, each month's grant share over the longest term as a fixed part
   * (external_share_by_year's share for the month's financial year, which does not vary between
   * draws) and a 1 where funding.external_share applies instead (0 elsewhere): the share is
   * fixed + that x the external share, worked out with no search and no branch. (Searching the
   * years by label in every draw, as externalShareInYear does, was a quarter of a run whose
   * external share is uncertain.) Null with a schedule.
   */
  private readonly fixedShareByMonth: Float64Array | null;
  private readonly externalShareApplies: Float64Array | null;
  private fundingEndMonth = 0;
  private fundingVersion = 0;
  /** Scratch for build: each financial year's cost and paid part so far. */
  private readonly costByYearScratch: Float64Array;
  private readonly paidByYearScratch: Float64Array;

  constructor(
    private readonly layout: SimulationLayout,
    private readonly base: Inputs,
    private readonly factors: MoneyFactors,
  ) {
    this.schedule = base.fundingSchedule.map((entry) => ({ ...entry }));
    this.current = new CostShape(factors.longestTerm, layout.options, layout.timeline.yearLabels.length);
    this.currentKey = new Float64Array(3 + this.schedule.length).fill(NaN);
    this.fundingKey = new Float64Array(1 + this.schedule.length).fill(NaN);
    this.fundingShares = new Float64Array(factors.longestTerm);
    if (base.fundingSchedule.length === 0) {
      const byYear = { externalShare: NaN, externalShareByYear: base.externalShareByYear };
      const shareByYear = layout.timeline.yearLabels.map((label) => externalShareInYear(byYear, label));
      this.fixedShareByMonth = new Float64Array(factors.longestTerm);
      this.externalShareApplies = new Float64Array(factors.longestTerm);
      for (let t = 0; t < factors.longestTerm; t++) {
        const share = shareByYear[layout.timeline.yearOfMonth[t]!]!;
        if (Number.isNaN(share)) this.externalShareApplies[t] = 1;
        else this.fixedShareByMonth[t] = share;
      }
    } else {
      this.fixedShareByMonth = null;
      this.externalShareApplies = null;
    }
    // build prices option k's last 12 months at extension year k's price.
    const fixedTerm = fixedTermMonths(base);
    if (layout.terms.some((term, k) => term !== fixedTerm + 12 * k))
      throw new Error('CostShapes: each option must be the fixed term and one more extension year than the option before');
    this.costByYearScratch = new Float64Array(layout.timeline.yearLabels.length);
    this.paidByYearScratch = new Float64Array(layout.timeline.yearLabels.length);
  }

  /**
   * The cost shape for this uplift, grant share and schedule shares (one per funding.schedule
   * entry) at the current discount rate and inflation. Shapes are kept by everything but the
   * discount rate: when only that changes (it may in every draw), a kept shape's present values
   * are worked out again in place, one pass over the months, not the whole shape.
   */
  shapeFor(uplift: number, externalShare: number, scheduleShares: Float64Array): CostShape {
    return this.withPresentValues(this.cashShapeFor(uplift, externalShare, scheduleShares));
  }

  /** The kept shape for these cost inputs at the current inflation, built when new (its present values may be stale). */
  private cashShapeFor(uplift: number, externalShare: number, scheduleShares: Float64Array): CostShape {
    const inflationVersion = this.factors.inflationVersion;
    if (sameKey(this.currentKey, inflationVersion, uplift, externalShare, scheduleShares)) return this.current;
    // Looked for among the kept shapes until lookups have missed twice as many times in a row as
    // there are kept shapes: cost inputs with a few values hit long before that; continuous ones
    // (an uncertain uplift) never hit, and then skip the search.
    if (this.missesInARow < 2 * COST_SHAPE_CACHE) {
      for (let s = 0; s < this.knownKeys.length; s++) {
        if (sameKey(this.knownKeys[s]!, inflationVersion, uplift, externalShare, scheduleShares)) {
          this.current = this.knownShapes[s]!;
          this.currentKey = this.knownKeys[s]!;
          this.missesInARow = 0;
          return this.current;
        }
      }
      this.missesInARow++;
    }
    let key: Float64Array;
    let shape: CostShape;
    if (this.knownShapes.length < COST_SHAPE_CACHE) {
      key = new Float64Array(3 + scheduleShares.length);
      shape = new CostShape(this.factors.longestTerm, this.layout.options, this.layout.timeline.yearLabels.length);
      this.knownShapes.push(shape);
      this.knownKeys.push(key);
    } else {
      key = this.knownKeys[this.oldest]!;
      shape = this.knownShapes[this.oldest]!;
      this.oldest = (this.oldest + 1) % COST_SHAPE_CACHE;
    }
    key[0] = inflationVersion;
    key[1] = uplift;
    key[2] = externalShare;
    key.set(scheduleShares, 3);
    this.current = this.build(shape, uplift, externalShare, scheduleShares);
    this.currentKey = key;
    return this.current;
  }

  /** The month the contract stops for these funding inputs, and fundingShares for them (fundingVersion changes when they do). */
  private fundingFor(externalShare: number, scheduleShares: Float64Array): number {
    const key = this.fundingKey;
    let same = key[0] === externalShare;
    for (let e = 0; e < scheduleShares.length && same; e++) same = key[1 + e] === scheduleShares[e];
    if (!same) {
      const layout = this.layout;
      const longestTerm = this.factors.longestTerm;
      const fixed = this.fixedShareByMonth;
      const applies = this.externalShareApplies;
      if (fixed && applies) {
        // externalShareByMonth without a schedule: the year's share, else the external share
        // (0 + 1 x external share, or the year's share + 0 x it: the same numbers).
        const shares = this.fundingShares;
        for (let t = 0; t < longestTerm; t++) shares[t] = fixed[t]! + applies[t]! * externalShare;
      } else {
        scheduleShares.forEach((share, e) => (this.schedule[e]!.externalShare = share));
        const funding = { externalShare, externalShareByYear: this.base.externalShareByYear, fundingSchedule: this.schedule };
        const timeline = { months: longestTerm, yearOfMonth: layout.timeline.yearOfMonth, yearLabels: layout.timeline.yearLabels };
        externalShareByMonth(funding, timeline, this.fundingShares);
      }
      this.fundingEndMonth = contractEndMonth(this.base, this.fundingShares, longestTerm);
      this.fundingVersion++;
      key[0] = externalShare;
      key.set(scheduleShares, 1);
    }
    return this.fundingEndMonth;
  }

  /**
   * The month's grant share (section 16), the month the contract stops when it ends with its
   * grant, and the cost in cash and in present value (section 17), for a cash or a real price.
   */
  private build(cost: CostShape, uplift: number, externalShare: number, scheduleShares: Float64Array): CostShape {
    const layout = this.layout;
    const longestTerm = this.factors.longestTerm;
    const deflator = this.factors.deflator;
    cost.endMonth = this.fundingFor(externalShare, scheduleShares);
    if (cost.fundingVersion !== this.fundingVersion) {
      // The councils' part by month (1 - the grant's share), worked out only when the shares changed.
      const shares = this.fundingShares;
      const paid = cost.paidShare;
      for (let t = 0; t < longestTerm; t++) paid[t] = 1 - shares[t]!;
      cost.fundingVersion = this.fundingVersion;
    }
    const endMonth = cost.endMonth;
    const cashPrice = this.base.contractPrice === 'cash';
    // The present values in the same pass (the discount factors hold for the longest term: the
    // draw's MoneyFactors.update came first), as withPresentValues works them out: the same
    // products, summed in the same order.
    const discount = this.factors.discount;
    // The shape's columns as locals: the loop then keeps them in registers.
    const { costShape, realPrice, paidShare, cumulativeCost, cumulativePaid, costSums } = cost;
    const terms = layout.terms;
    const options = layout.options;
    let cash = 0;
    let paid = 0;
    let pv = 0;
    let paidPV = 0;
    let costMin = Infinity;
    let paidMin = Infinity;
    // Option k's term is the fixed term and k extension years (plan.ts), and the price steps once
    // an extension year: extension year k's months are option k's last 12 (the fixed term's, for
    // k = 0), all at (1 + uplift)^k, as compound() gives it (a power took a quarter of this
    // loop's time when the uplift is uncertain).
    let start = 0;
    let yearPrice = 1;
    for (let option = 0; option < options; option++) {
      const end = terms[option]!;
      if (option > 0) yearPrice *= 1 + uplift;
      for (let t = start; t < end; t++) {
        const price = t < endMonth ? yearPrice : 0;
        const shapeCash = cashPrice ? price : price * deflator[t]!;
        const real = cashPrice ? price / deflator[t]! : price;
        const paidPart = paidShare[t]!;
        costShape[t] = shapeCash;
        realPrice[t] = real;
        cash += shapeCash;
        paid += shapeCash * paidPart;
        cumulativeCost[t] = cash;
        cumulativePaid[t] = paid;
        costMin = Math.min(costMin, shapeCash);
        paidMin = Math.min(paidMin, shapeCash * paidPart);
        const shapePV = real * discount[t]!;
        pv += shapePV;
        paidPV += shapePV * paidPart;
      }
      costSums[option * 4] = cash;
      costSums[option * 4 + 1] = pv;
      costSums[option * 4 + 2] = paid;
      costSums[option * 4 + 3] = paidPV;
      start = end;
    }
    cost.costShapeMin = costMin;
    cost.paidShapeMin = paidMin;
    cost.discountVersion = this.factors.discountVersion;
    cost.yearsReady = false;
    cost.slotBlock = -1; // new sums: written to a slot of their own (recordContractCost)
    return cost;
  }

  /**
   * The shape with its cost and councils' part by option and financial year (costByYear,
   * paidByYear), worked out the first time a draw asks (only the fan's draws do): each year's sum
   * so far, copied at each option's term's end (the same additions in the same order as summing
   * each option's months on its own).
   */
  withYears(cost: CostShape): CostShape {
    if (cost.yearsReady) return cost;
    const layout = this.layout;
    const year = layout.timeline.yearOfMonth;
    const years = layout.timeline.yearLabels.length;
    const { costShape, paidShare, costByYear, paidByYear } = cost;
    // (Loops, not fill and set: on arrays this short, each call of those costs more than the loop.)
    const costSoFar = this.costByYearScratch;
    const paidSoFar = this.paidByYearScratch;
    for (let y = 0; y < years; y++) costSoFar[y] = paidSoFar[y] = 0;
    let option = 0;
    for (let t = 0; t < this.factors.longestTerm; t++) {
      costSoFar[year[t]!]! += costShape[t]!;
      paidSoFar[year[t]!]! += costShape[t]! * paidShare[t]!;
      while (option < layout.options && layout.terms[option] === t + 1) {
        for (let y = 0; y < years; y++) {
          costByYear[option * years + y] = costSoFar[y]!;
          paidByYear[option * years + y] = paidSoFar[y]!;
        }
        option++;
      }
    }
    cost.yearsReady = true;
    return cost;
  }

  /**
   * The shape's present values (its sums per option, all and paid by councils) at the current
   * discount factors, when they are not already for them; a shape with new sums is written to a
   * new slot of the output (recordContractCost).
   */
  private withPresentValues(cost: CostShape): CostShape {
    const version = this.factors.discountVersion;
    if (cost.discountVersion === version) return cost;
    const layout = this.layout;
    const discount = this.factors.discount;
    const longestTerm = this.factors.longestTerm;
    let pv = 0;
    let paidPV = 0;
    let option = 0;
    for (let t = 0; t < longestTerm; t++) {
      const shapePV = cost.realPrice[t]! * discount[t]!;
      pv += shapePV;
      paidPV += shapePV * cost.paidShare[t]!;
      while (option < layout.options && layout.terms[option] === t + 1) {
        cost.costSums[option * 4 + 1] = pv;
        cost.costSums[option * 4 + 3] = paidPV;
        option++;
      }
    }
    cost.discountVersion = version;
    cost.slotBlock = -1;
    return cost;
  }
}

/**
 * Who bears what (section 7): the region has everything; a council has children_share of the
 * benefits and match_share of the part of the contract the grant does not pay. Index 0 is the
 * region (shares 1), then each council in order.
 */
export interface PerspectiveShares {
  children: Float64Array;
  match: Float64Array;
}

export function perspectiveShares(base: Inputs): PerspectiveShares {
  return {
    children: Float64Array.from([1, ...base.councils.map((c) => c.childrenShare)]),
    match: Float64Array.from([1, ...base.councils.map((c) => c.matchShare)]),
  };
}

/** True when `key` is (inflation version, uplift, external share, schedule shares). */
function sameKey(
  key: Float64Array,
  inflationVersion: number,
  uplift: number,
  externalShare: number,
  scheduleShares: Float64Array,
): boolean {
  if (key[0] !== inflationVersion || key[1] !== uplift || key[2] !== externalShare) return false;
  for (let e = 0; e < scheduleShares.length; e++) if (key[3 + e] !== scheduleShares[e]) return false;
  return true;
}
