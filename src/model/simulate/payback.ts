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
import type { SimulationOutput } from './output';
import type { Workspace } from './workspace';

/** Not found yet, and (the bound below) never found. */
const SEARCHING = -1;
const NEVER = -2;

/**
 * Draw i's payback month for every perspective into out.paybackMonth (-1 when not within the
 * longest term). `recordMonths` keeps the monthly avoided cash in ws.monthlyAvoided and
 * ws.monthlyCashable (fan draws without process variability).
 */
export function findPayback(ws: Workspace, out: SimulationOutput, i: number, draw: DrawInputs, cost: CostShape, processVariability: boolean, recordMonths: boolean): void {
  const found = ws.paybackFound;
  const perspectiveCount = found.length;
  const { children, match } = ws.shares;
  const { placementSource, placementPrefix, preventedSource, placementRate, preventedRate, placementMax, preventedMax } = ws.flows;
  const { lengthMonths, last, lastShare, monthlyCost } = draw;
  const cashGrowth = ws.money.cashGrowth;
  const deflator = ws.money.deflator;
  found.fill(SEARCHING);
  let unfound = perspectiveCount;
  const residentialValue = draw.netWeekly * draw.kept;
  const moveValue = draw.moveCost * draw.kept;
  // A perspective whose largest possible monthly benefit is below its smallest monthly cost
  // never pays back: a month's placement weeks are at most (largest monthly placements) x
  // (placement length in months) x 52/12. (Not with one length per placement.)
  if (!processVariability && residentialValue >= 0 && moveValue >= 0) {
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
  for (let p = 0; p < perspectiveCount; p++) out.paybackMonth[p]![i] = found[p]! < 0 ? -1 : found[p]!;
}
