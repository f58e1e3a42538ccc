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
import type { CostShape } from './money';
import type { CumulativeAvoided } from './cumulative';
import type { SimulationOutput } from './output';
import type { Workspace } from './workspace';

/** Not found yet, and (the bound below) never found. */
const SEARCHING = -1;
const NEVER = -2;

/** Months the search steps over at once while cumulative cash cannot reach the cost. */
const STEP = 8;

/** Relative margin on the avoided cash total when bounding the months worth searching (rounding is far smaller). */
const REACH_MARGIN = 1e-9;

/**
 * The first month t with rate x cumulativeCost[t] > ceiling (cumulativeCost.length when none),
 * by bisection: rate x cumulativeCost only grows (rate >= 0, costs >= 0).
 */
function firstMonthAbove(cumulativeCost: Float64Array, rate: number, ceiling: number): number {
  let low = 0;
  let high = cumulativeCost.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (rate * cumulativeCost[middle]! > ceiling) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * The first month t < months with scale x avoided.at(t) >= rate x cumulativeCost[t], or -1.
 * When both sides only grow (`grows`), it steps STEP months at a time while even the step's last
 * month's avoided cash is below its first month's cost; the answer is the plain scan's.
 */
function firstMonthReaching(
  avoided: CumulativeAvoided,
  months: number,
  scale: number,
  rate: number,
  cumulativeCost: Float64Array,
  grows: boolean,
): number {
  const step = grows ? STEP : 1;
  for (let t = 0; t < months;) {
    const end = (t + step < months ? t + step : months) - 1;
    if (step > 1 && scale * avoided.at(end) < rate * cumulativeCost[t]!) {
      t = end + 1;
      continue;
    }
    for (; t <= end; t++) if (scale * avoided.at(t) >= rate * cumulativeCost[t]!) return t;
  }
  return -1;
}

/**
 * Draw i's payback month for every perspective into out.paybackMonth (-1 when not within the
 * longest term). `recordMonths` keeps the monthly avoided cash in ws.monthlyAvoided and
 * ws.monthlyCashable (fan draws without process variability).
 */
export function findPayback(
  ws: Workspace,
  out: SimulationOutput,
  i: number,
  draw: DrawInputs,
  cost: CostShape,
  processVariability: boolean,
  recordMonths: boolean,
): void {
  const found = ws.paybackFound;
  const perspectiveCount = found.length;
  const { children, match } = ws.shares;
  const flows = ws.flows;
  const { placementRate, preventedRate, placementMax, preventedMax } = flows;
  const { lengthMonths, last, lastShare, monthlyCost } = draw;
  const residentialValue = draw.netWeekly * draw.kept;
  const moveValue = draw.moveCost * draw.kept;
  const months = ws.longestTerm;
  const costGrows = monthlyCost >= 0;

  // Starts in a fixed shape: cumulative avoided cash from the tables, O(1) a month.
  if (flows.tables !== null) {
    const tables = flows.tables.payback;
    const alpha =
      last === 0 ? residentialValue * placementRate * lengthMonths * WEEKS_PER_MONTH : residentialValue * placementRate * WEEKS_PER_MONTH;
    const share = last === 0 ? 0 : lastShare;
    const beta = preventedRate * moveValue;
    const grows = costGrows && alpha >= 0 && beta >= 0 && share >= 0;
    const avoided = ws.cumulativeFromTables;
    avoided.use(tables, last, alpha, share, beta);
    for (let p = 0; p < perspectiveCount; p++) {
      const rate = p === 0 ? monthlyCost : match[p]! * monthlyCost;
      const cumulativeCost = p === 0 ? cost.cumulativeCost : cost.cumulativePaid;
      out.paybackMonth[p]![i] = firstMonthReaching(
        avoided,
        months,
        children[p]!,
        rate,
        cumulativeCost,
        grows && children[p]! >= 0 && match[p]! >= 0,
      );
    }
    if (recordMonths) recordMonthlyAvoided(ws, draw, false, true);
    return;
  }

  // A perspective whose largest possible monthly benefit is below its smallest monthly cost
  // never pays back: a month's placement weeks are at most (largest monthly placements) x
  // (placement length in months) x 52/12. (Not with one length per placement.)
  found.fill(SEARCHING);
  let unfound = perspectiveCount;
  if (!processVariability && residentialValue >= 0 && moveValue >= 0) {
    const largestMonthlyBenefit =
      residentialValue * WEEKS_PER_MONTH * ws.money.growthMax * placementMax * lengthMonths +
      moveValue * preventedMax * ws.money.deflatorMax;
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
  if (unfound > 0 || recordMonths) {
    // With no month's avoided cash below 0, cumulative avoided cash never exceeds the longest
    // option's total (its placements' tails included): a perspective cannot pay back once its
    // cost to date is above that (with a margin for rounding), so months after the last month any
    // perspective can still reach need not be worked out.
    const reaches = ws.paybackReach;
    reaches.fill(months);
    const total = flows.avoidedCashTotal;
    const bounded =
      !recordMonths &&
      costGrows &&
      total >= 0 &&
      residentialValue >= 0 &&
      moveValue >= 0 &&
      draw.preventedPerStart >= 0 &&
      draw.escalation >= 0;
    let reach = bounded ? 0 : months;
    for (let p = 0; p < perspectiveCount && bounded; p++) {
      if (found[p] === NEVER) continue;
      const rate = p === 0 ? monthlyCost : match[p]! * monthlyCost;
      const cumulativeCost = p === 0 ? cost.cumulativeCost : cost.cumulativePaid;
      reaches[p] =
        children[p]! >= 0 && rate >= 0 ? firstMonthAbove(cumulativeCost, rate, children[p]! * total * (1 + REACH_MARGIN)) : months;
      if (reaches[p]! > reach) reach = reaches[p]!;
    }
    const grows = recordMonthlyAvoided(ws, draw, processVariability, recordMonths, reach);
    const cumulativeFromMonths = ws.cumulativeFromMonths;
    for (let p = 0; p < perspectiveCount; p++) {
      if (found[p] === NEVER) continue;
      const rate = p === 0 ? monthlyCost : match[p]! * monthlyCost;
      const cumulativeCost = p === 0 ? cost.cumulativeCost : cost.cumulativePaid;
      found[p] = firstMonthReaching(
        cumulativeFromMonths,
        reaches[p]!,
        children[p]!,
        rate,
        cumulativeCost,
        grows && costGrows && children[p]! >= 0 && match[p]! >= 0,
      );
    }
  }
  for (let p = 0; p < perspectiveCount; p++) out.paybackMonth[p]![i] = found[p]! < 0 ? -1 : found[p]!;
}

/**
 * The draw's avoided cash in each of the first `months` months, cumulated into ws.cumulativeAvoided,
 * and (with `record`) by month into ws.monthlyAvoided and its cashable part into
 * ws.monthlyCashable. True when no month's avoided cash is negative (cumulative cash only grows).
 */
function recordMonthlyAvoided(
  ws: Workspace,
  draw: DrawInputs,
  processVariability: boolean,
  record: boolean,
  months: number = ws.longestTerm,
): boolean {
  const { placementSource, placementPrefix, preventedSource, placementRate, preventedRate } = ws.flows;
  const { lengthMonths, last, lastShare } = draw;
  const residentialValue = draw.netWeekly * draw.kept;
  const moveValue = draw.moveCost * draw.kept;
  const cashGrowth = ws.money.cashGrowth;
  const deflator = ws.money.deflator;
  const cumulative = ws.cumulativeAvoided;
  let grows = true;
  let cumulativeAvoided = 0;
  for (let t = 0; t < months; t++) {
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
    if (record) {
      ws.monthlyAvoided[t] = avoided;
      ws.monthlyCashable[t] = residentialCash * draw.cashableShare + movesCash;
    }
    if (!(avoided >= 0)) grows = false;
    cumulativeAvoided += avoided;
    cumulative[t] = cumulativeAvoided;
  }
  return grows;
}
