/**
 * Payback (shared/model.md section 8): for each perspective, the first month within the longest
 * term when the draw's cumulative avoided cash reaches the contract's cumulative cash cost to the
 * end of that month. A council's cumulative net is children_share x avoided - match_share x the
 * part of the cost the grant does not pay. For a fan draw the monthly avoided cash (and its
 * cashable part) is recorded over the whole term on the way.
 */
import { FIRST_MONTH_SHARE } from '../placementSpread';
import { WEEKS_PER_MONTH } from '../time';
import type { DrawInputs } from './inputs';
import type { CostShape, MoneyFactors } from './money';
import type { SimulationOutput } from './output';
import type { Workspace } from './workspace';

/** Not found yet, and (the bound below) never found. */
const SEARCHING = -1;
const NEVER = -2;

/** Months the table search steps over at once when the bound shows no crossing among them. */
const STEP = 8;

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

/**
 * Payback from start-shape tables: each perspective's first month whose cumulative avoided cash
 * reaches its cumulative cost, stepping STEP months at a time while even the step's last month's
 * avoided cash (cumulative cash only grows) is below its first month's cost. False when the
 * values are not all of one sign (then cumulative cash need not grow) and the month loop must do.
 */
function findPaybackFromTables(ws: Workspace, out: SimulationOutput, i: number, draw: DrawInputs, cost: CostShape, tables: PaybackTables): boolean {
  const { placementRate, preventedRate } = ws.flows;
  const { children, match } = ws.shares;
  const residentialValue = draw.netWeekly * draw.kept;
  const alpha = draw.last === 0 ? residentialValue * placementRate * draw.lengthMonths * WEEKS_PER_MONTH : residentialValue * placementRate * WEEKS_PER_MONTH;
  const share = draw.last === 0 ? 0 : draw.lastShare;
  const beta = preventedRate * (draw.moveCost * draw.kept);
  const monthlyCost = draw.monthlyCost;
  if (!(alpha >= 0 && beta >= 0 && share >= 0 && monthlyCost >= 0)) return false;
  const months = tables.months;
  const row = draw.last * months;
  const fixedPart = tables.fixedPart;
  const lastPart = tables.lastPart;
  const moves = tables.moves;
  for (let p = 0; p < children.length; p++) {
    const scale = children[p]!;
    const rate = p === 0 ? monthlyCost : match[p]! * monthlyCost;
    const cumulativeCost = p === 0 ? cost.cumulativeCost : cost.cumulativePaid;
    let found = -1;
    for (let t = 0; t < months && found < 0; ) {
      const end = (t + STEP < months ? t + STEP : months) - 1;
      const avoidedToEnd = alpha * (fixedPart[row + end]! + share * lastPart[row + end]!) + beta * moves[end]!;
      if (scale * avoidedToEnd < rate * cumulativeCost[t]!) {
        t = end + 1;
        continue;
      }
      for (; t <= end; t++) {
        const avoided = alpha * (fixedPart[row + t]! + share * lastPart[row + t]!) + beta * moves[t]!;
        if (scale * avoided >= rate * cumulativeCost[t]!) {
          found = t;
          break;
        }
      }
    }
    out.paybackMonth[p]![i] = found;
  }
  return true;
}

/**
 * Draw i's payback month for every perspective into out.paybackMonth (-1 when not within the
 * longest term). `recordMonths` keeps the monthly avoided cash in ws.monthlyAvoided and
 * ws.monthlyCashable (fan draws without process variability).
 */
export function findPayback(ws: Workspace, out: SimulationOutput, i: number, draw: DrawInputs, cost: CostShape, processVariability: boolean, recordMonths: boolean): void {
  const tables = ws.flows.tables;
  const fromTables = tables !== null && findPaybackFromTables(ws, out, i, draw, cost, tables.payback);
  if (fromTables && !recordMonths) return;
  const found = ws.paybackFound;
  const perspectiveCount = found.length;
  const { children, match } = ws.shares;
  const { placementSource, placementPrefix, preventedSource, placementRate, preventedRate, placementMax, preventedMax } = ws.flows;
  const { lengthMonths, last, lastShare, monthlyCost } = draw;
  const cashGrowth = ws.money.cashGrowth;
  const deflator = ws.money.deflator;
  found.fill(SEARCHING);
  let unfound = fromTables ? 0 : perspectiveCount;
  const residentialValue = draw.netWeekly * draw.kept;
  const moveValue = draw.moveCost * draw.kept;
  // A perspective whose largest possible monthly benefit is below its smallest monthly cost
  // never pays back: a month's placement weeks are at most (largest monthly placements) x
  // (placement length in months) x 52/12. (Not with one length per placement.)
  if (!fromTables && !processVariability && residentialValue >= 0 && moveValue >= 0) {
    const largestMonthlyBenefit = residentialValue * WEEKS_PER_MONTH * ws.money.growthMax * placementMax * lengthMonths + moveValue * preventedMax * ws.money.deflatorMax;
    if (largestMonthlyBenefit < monthlyCost * cost.costShapeMin) {
      found[0] = NEVER;
      unfound--;
    }
    for (let p = 1; p < perspectiveCount; p++) {
      if (children[p]! * largestMonthlyBenefit < match[p]! * monthlyCost * cost.paidShapeMin) {
        found[p] = NEVER;
        unfound--;
      }
    }
  }
  let cumulativeAvoided = 0;
  for (let t = 0; t < ws.longestTerm && (unfound > 0 || recordMonths); t++) {
    let weeks: number;
    if (processVariability) {
      weeks = ws.weeks[t]!;
    } else if (last === 0) {
      weeks = placementRate * placementSource[t]! * lengthMonths * WEEKS_PER_MONTH;
    } else {
      // Placements started in t (half a month), t-last+1 .. t-1 (whole), t-last (the rest).
      const fullFrom = t - last + 1 > 0 ? t - last + 1 : 0;
      let covered = FIRST_MONTH_SHARE * placementSource[t]! + (placementPrefix[t]! - placementPrefix[fullFrom]!);
      if (t >= last) covered += lastShare * placementSource[t - last]!;
      weeks = placementRate * covered * WEEKS_PER_MONTH;
    }
    const residentialCash = residentialValue * weeks * cashGrowth[t]!;
    const movesCash = preventedRate * preventedSource[t]! * moveValue * deflator[t]!;
    const avoided = residentialCash + movesCash;
    if (recordMonths) {
      ws.monthlyAvoided[t] = avoided;
      ws.monthlyCashable[t] = residentialCash * draw.cashableShare + movesCash;
    }
    cumulativeAvoided += avoided;
    if (unfound === 0) continue;
    if (found[0] === SEARCHING && cumulativeAvoided >= monthlyCost * cost.cumulativeCost[t]!) {
      found[0] = t;
      unfound--;
    }
    for (let p = 1; p < perspectiveCount; p++) {
      if (found[p] === SEARCHING && children[p]! * cumulativeAvoided >= match[p]! * monthlyCost * cost.cumulativePaid[t]!) {
        found[p] = t;
        unfound--;
      }
    }
  }
  if (fromTables) return;
  for (let p = 0; p < perspectiveCount; p++) out.paybackMonth[p]![i] = found[p]! < 0 ? -1 : found[p]!;
}
