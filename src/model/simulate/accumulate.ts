/**
 * What a draw leaves in the output (shared/model.md section 10): every option's totals, the
 * contract's cost, the month it stopped (which the decision's draws read), and for the first
 * draws the avoided cash and cost by financial year that the fan chart and budget table need.
 */
import { lastMonthOffset, monthShare } from '../placementSpread';
import { WEEKS_PER_MONTH } from '../time';
import type { DrawInputs } from './inputs';
import type { CostShape } from './money';
import type { SimulationOutput } from './output';
import type { Workspace } from './workspace';

/**
 * Option k's totals for draw i: avoided cost in PV and cash (its cashable part: cashable_share of
 * the residential part, moves in full), after optimism bias (x kept), and placements avoided.
 */
export function recordOptionTotals(
  out: SimulationOutput,
  option: number,
  i: number,
  draw: DrawInputs,
  pv: number,
  residentialCash: number,
  movesCash: number,
  placements: number,
): void {
  const kept = draw.kept;
  out.avoidedCostPV[option]![i] = kept * pv;
  out.avoidedCost[option]![i] = kept * (residentialCash + movesCash);
  const cashable = out.avoidedCostCashable[option];
  if (cashable) cashable[i] = kept * (draw.cashableShare * residentialCash + movesCash);
  out.placementsAvoided[option]![i] = placements;
}

/**
 * Draw i's contract cost and the month the contract stopped. Kept as the output keeps it (see
 * SimulationOutput): each draw's own costs (monthly cost x each sum) when every draw has its own
 * shape; else its monthly cost, and the sums once for the run, or when the shape takes a few
 * values, once per block and shape (`block`, a number no other block of this workspace has) in
 * the block's next slot (its first draw's index, then the next: a block never has more shapes than
 * draws), later draws of the block with the same shape pointing to that slot.
 */
export function recordContractCost(
  ws: Workspace,
  out: SimulationOutput,
  i: number,
  first: number,
  block: number,
  monthlyCost: number,
  cost: CostShape,
): void {
  const sums = cost.costSums;
  const iterations = out.iterations;
  if (out.costPerDraw) {
    for (let f = 0; f < sums.length; f++) out.costByDraw[f * iterations + i] = monthlyCost * sums[f]!;
  } else {
    out.monthlyCost[i] = monthlyCost;
    if (out.costShapeVaries) {
      if (cost.slotBlock !== block) {
        cost.slotBlock = block;
        cost.slot = first + ws.slotsInBlock++;
        for (let f = 0; f < sums.length; f++) out.costSumsBySlot[f * iterations + cost.slot] = sums[f]!;
      }
      out.costShapeSlot[i] = cost.slot;
    } else if (i === first) {
      out.costSums.set(sums);
    }
  }
  out.endMonth[i] = cost.endMonth;
}

/**
 * Draw i's cash by financial year for the fan: the contract's cost and paid part for each option,
 * and the avoided cash (and its cashable part): with process variability from the cohorts
 * placementsWithChance gathered, else from the monthly avoided cash the payback search recorded,
 * plus the tail of placements still running after each option's term.
 */
export function recordFanYears(
  ws: Workspace,
  out: SimulationOutput,
  i: number,
  draw: DrawInputs,
  cost: CostShape,
  processVariability: boolean,
): void {
  const layout = ws.layout;
  const costs = ws.costs.withYears(cost);
  const options = layout.options;
  const terms = layout.terms;
  const years = layout.timeline.yearLabels.length;
  const yearOfMonth = layout.timeline.yearOfMonth;
  const row = i * years;
  for (let k = 0; k < options; k++) {
    for (let y = 0; y < years; y++) {
      out.fanCost[k]![row + y] = draw.monthlyCost * costs.costByYear[k * years + y]!;
      out.fanPaid[k]![row + y] = draw.monthlyCost * costs.paidByYear[k * years + y]!;
    }
  }
  if (processVariability) {
    // Option k's avoided cash in year y: placements whose first option is <= k.
    for (let k = 0; k < options; k++) {
      for (let y = 0; y < years; y++) {
        const prior = k > 0 ? out.fanAvoided[k - 1]![row + y]! : 0;
        out.fanAvoided[k]![row + y] = prior + ws.fanAccumulator[k * years + y]!;
        const priorCashable = k > 0 ? out.fanCashable[k - 1]![row + y]! : 0;
        out.fanCashable[k]![row + y] = priorCashable + ws.fanCashableAccumulator[k * years + y]!;
      }
    }
    return;
  }
  // Months inside option k's term are the same for every longer option; after it, only
  // placements that started within the term still run (the tail).
  const { placementSource, placementPrefix, placementRate } = ws.flows;
  const { last, lastShare, cashableShare } = draw;
  const residentialValue = draw.netWeekly * draw.kept;
  const cashGrowth = ws.money.cashGrowth;
  const byYear = ws.avoidedByYear;
  const cashableByYear = ws.cashableByYear;
  byYear.fill(0);
  cashableByYear.fill(0);
  let option = 0;
  for (let t = 0; t < ws.longestTerm; t++) {
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

/**
 * Adds one placement's avoided residential cash, by financial year, to the fan accumulators of its
 * first option (the cashable part x cashable_share into the second).
 */
export function addFanCohort(
  ws: Workspace,
  firstOption: number,
  m: number,
  lengthMonths: number,
  valuePerWeek: number,
  cashableShare: number,
): void {
  if (valuePerWeek === 0) return;
  const year = ws.layout.timeline.yearOfMonth;
  const row = firstOption * ws.layout.timeline.yearLabels.length;
  const acc = ws.fanAccumulator;
  const cashable = ws.fanCashableAccumulator;
  const last = lastMonthOffset(lengthMonths);
  for (let j = 0; j <= last; j++) {
    const value = valuePerWeek * monthShare(lengthMonths, last, j) * WEEKS_PER_MONTH * ws.money.cashGrowth[m + j]!;
    acc[row + year[m + j]!]! += value;
    cashable[row + year[m + j]!]! += value * cashableShare;
  }
}
