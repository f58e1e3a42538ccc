/**
 * Outcomes and placements for one draw (shared/model.md section 5): the breakdowns prevented
 * among children starting each month, the residential placements avoided, and what they are
 * worth, in present value and in cash, for every option at once. Each option's totals are
 * running sums read off at its term's last month (options share their first months).
 *
 * Three ways, one result: when the draw's starts are a fixed shape times a rate (the waiting
 * list always full, or never), the sums come from start-shape tables in O(1) per option; else
 * month by month, each placement's value an O(1) difference of prefix sums (placementSpread.ts);
 * with process variability, whole children and one length per placement.
 */
import { addSpreadInPlace, FIRST_MONTH_SHARE, spreadSum, spreadSumKnowing } from '../placementSpread';
import { binomial } from '../random/sample';
import type { Rng } from '../random/rng';
import { WEEKS_PER_MONTH } from '../time';
import { addFanCohort, recordOptionTotals } from './accumulate';
import type { DrawInputs } from './inputs';
import type { MoneyFactors } from './money';
import type { SimulationOutput } from './output';
import { PaybackTables } from './payback';
import type { SimulationPlan } from './plan';
import { fillStartsInPlace, fillStartsWithChanceInPlace, StartsShape, type ReferralShape } from './waitingList';
import type { Workspace } from './workspace';

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

/**
 * Every option's totals from start-shape tables, O(1) each: starts are `scale` x the tables'
 * shape (capacity when flat, referrals a month when shaped as referrals).
 */
export function placementsFromTables(
  ws: Workspace,
  out: SimulationOutput,
  i: number,
  draw: DrawInputs,
  tables: ShapeTables,
  scale: number,
): void {
  const flows = ws.flows;
  const preventedRate = scale * draw.preventedPerStart;
  const placementRate = preventedRate * draw.escalation;
  const residential = placementRate * draw.netWeekly * WEEKS_PER_MONTH;
  const moves = preventedRate * draw.moveCost;
  for (let k = 0; k < ws.layout.options; k++) {
    const pv = residential * tables.pv.spreadSum(k, draw.lengthMonths, draw.last, draw.lastShare) + moves * tables.moves[k]!;
    const residentialCash = residential * tables.cash.spreadSum(k, draw.lengthMonths, draw.last, draw.lastShare);
    recordOptionTotals(out, k, i, draw, pv, residentialCash, moves * tables.movesCash[k]!, placementRate * tables.starts[k]!);
  }
  flows.tables = tables;
  flows.placementSource = tables.shape;
  flows.placementPrefix = tables.shapePrefix;
  flows.preventedSource = tables.shape;
  flows.placementRate = placementRate;
  flows.preventedRate = preventedRate;
  flows.placementMax = placementRate * tables.shapeMax;
  flows.preventedMax = preventedRate * tables.shapeMax;
}

/** Every option's totals month by month, for starts from the waiting list with fractional children. */
export function placementsByMonth(
  ws: Workspace,
  out: SimulationOutput,
  i: number,
  draw: DrawInputs,
  endMonth: number,
  maxWaitMonths: number,
): void {
  const flows = ws.flows;
  const { placements, prevented } = flows;
  const prefix = flows.placementPrefixOwn;
  const starts = ws.starts;
  const longestTerm = starts.length;
  fillStartsInPlace(starts, ws.waiting, ws.referrals, draw.referralsPerMonth, draw.capacity, maxWaitMonths);
  starts.fill(0, endMonth); // nobody starts once the contract has ended (section 16)
  const { preventedPerStart, escalation, netWeekly, moveCost, lengthMonths, last, lastShare } = draw;
  const { growthDiscountPrefix, growthDiscount, cashGrowthPrefix, cashGrowth, discount, deflator } = ws.money;
  const terms = ws.layout.terms;
  const options = terms.length;
  let preventedMax = 0;
  let pvSum = 0;
  let cashSum = 0; // residential part, cash
  let movesCashSum = 0;
  let option = 0;
  for (let m = 0; m < longestTerm; m++) {
    const prev = starts[m]! * preventedPerStart;
    const place = prev * escalation;
    prevented[m] = prev;
    placements[m] = place;
    prefix[m + 1] = prefix[m]! + place;
    if (prev > preventedMax) preventedMax = prev;
    // Value of the placements started in month m: weeks x growth (x discount), O(1) each.
    const unitPV = spreadSumKnowing(growthDiscountPrefix, growthDiscount, m, lengthMonths, last, lastShare);
    const unitCash = spreadSumKnowing(cashGrowthPrefix, cashGrowth, m, lengthMonths, last, lastShare);
    pvSum += place * netWeekly * WEEKS_PER_MONTH * unitPV + prev * moveCost * discount[m]!;
    cashSum += place * netWeekly * WEEKS_PER_MONTH * unitCash;
    movesCashSum += prev * moveCost * deflator[m]!;
    while (option < options && terms[option] === m + 1) {
      recordOptionTotals(out, option, i, draw, pvSum, cashSum, movesCashSum, prefix[m + 1]!);
      option++;
    }
  }
  flows.preventedMax = preventedMax;
  flows.placementMax = preventedMax * escalation;
  flows.avoidedCashTotal = draw.kept * (cashSum + movesCashSum);
}

/**
 * Every option's totals with process variability: Poisson referrals and whole children, binomial
 * outcomes, and one length per placement (drawn when the plan says how); the fan's cohorts by year
 * for fan draws. Fills ws.weeks with the weeks avoided in each month.
 */
export function placementsWithChance(
  ws: Workspace,
  out: SimulationOutput,
  i: number,
  draw: DrawInputs,
  rng: Rng,
  plan: SimulationPlan,
  endMonth: number,
  fan: boolean,
): void {
  const flows = ws.flows;
  const { placements, prevented } = flows;
  const prefix = flows.placementPrefixOwn;
  const starts = ws.starts;
  const longestTerm = starts.length;
  fillStartsWithChanceInPlace(starts, ws.waiting, ws.referrals, rng, draw.referralsPerMonth, draw.capacity, plan.base.maxWaitMonths);
  starts.fill(0, endMonth); // nobody starts once the contract has ended (section 16)
  ws.weeks.fill(0);
  if (fan) {
    ws.fanAccumulator.fill(0);
    ws.fanCashableAccumulator.fill(0);
  }
  const money = ws.money;
  const { netWeekly, moveCost, kept, cashableShare, lengthMonths, preventedPerStart, escalation } = draw;
  const terms = ws.layout.terms;
  const options = terms.length;
  const years = ws.layout.timeline.yearLabels.length;
  const yearOfMonth = ws.layout.timeline.yearOfMonth;
  const maxLengthMonths = (plan.longestWeeks * 12) / 52;
  let pvSum = 0;
  let cashSum = 0; // residential part, cash
  let movesCashSum = 0;
  let preventedMax = 0;
  let option = 0;
  for (let m = 0; m < longestTerm; m++) {
    const prev = binomial(rng, starts[m]!, preventedPerStart);
    const place = binomial(rng, prev, escalation);
    prevented[m] = prev;
    placements[m] = place;
    prefix[m + 1] = prefix[m]! + place;
    for (let p = 0; p < place; p++) {
      const length = plan.placementWeeks ? Math.min(maxLengthMonths, (plan.placementWeeks(rng) * 12) / 52) : lengthMonths;
      pvSum += netWeekly * WEEKS_PER_MONTH * spreadSum(money.growthDiscountPrefix, money.growthDiscount, m, length);
      cashSum += netWeekly * WEEKS_PER_MONTH * spreadSum(money.cashGrowthPrefix, money.cashGrowth, m, length);
      addSpreadInPlace(ws.weeks, m, length, WEEKS_PER_MONTH);
      if (fan) addFanCohort(ws, ws.firstOptionWithMonth[m]!, m, length, netWeekly * kept, cashableShare);
    }
    pvSum += prev * moveCost * money.discount[m]!;
    movesCashSum += prev * moveCost * money.deflator[m]!;
    if (prev > preventedMax) preventedMax = prev;
    if (fan) {
      const cell = ws.firstOptionWithMonth[m]! * years + yearOfMonth[m]!;
      ws.fanAccumulator[cell]! += prev * moveCost * kept * money.deflator[m]!;
      ws.fanCashableAccumulator[cell]! += prev * moveCost * kept * money.deflator[m]!;
    }
    while (option < options && terms[option] === m + 1) {
      recordOptionTotals(out, option, i, draw, pvSum, cashSum, movesCashSum, prefix[m + 1]!);
      option++;
    }
  }
  flows.preventedMax = preventedMax;
  flows.avoidedCashTotal = kept * (cashSum + movesCashSum);
}
