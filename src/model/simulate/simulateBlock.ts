/**
 * The main loop: each draw of a block through the model, in the order of shared/model.md —
 * its inputs, the money factors and contract cost they give, the waiting list and the placements
 * it avoids (totals for every option), payback for every perspective, and for the first draws
 * the fan's figures by financial year.
 */
import { lastMonthOffset } from '../placementSpread';
import type { Rng } from '../random/rng';
import { recordContractCost, recordFanYears } from './accumulate';
import { costShapeVaries, DrawReader, type InputColumns } from './inputs';
import type { SimulationOutput } from './output';
import { findPayback } from './payback';
import { placementsByMonth, placementsFromTables, placementsWithChance } from './placements';
import type { SimulationLayout, SimulationPlan } from './plan';
import { startsShape, StartsShape } from './waitingList';
import { Workspace } from './workspace';

/** One block of draws to simulate, and where its results go. */
export interface BlockRun {
  plan: SimulationPlan;
  layout: SimulationLayout;
  /** The block's input columns; column index 0 is draw `columnOffset`. */
  columns: InputColumns;
  columnOffset: number;
  /** Draws [from, to) are simulated and written into `out` at the same indexes. */
  from: number;
  to: number;
  out: SimulationOutput;
  /** Only used with process variability. */
  rng: Rng | null;
  /** Scratch reused across blocks in one thread (a new one when not given). */
  workspace?: Workspace;
}

/**
 * Runs draws [from, to) of a block: simulateBlock({ plan, layout, columns, columnOffset, from, to,
 * out, rng, workspace }).
 */
export function simulateBlock(run: BlockRun): void {
  const { plan, layout, columns, columnOffset, from, to, out } = run;
  if (!out.costShapeVaries && costShapeVaries(columns))
    throw new Error('simulateBlock: the cost shape varies but the output keeps one set of cost sums');
  if (plan.processVariability && !run.rng) throw new Error('simulateBlock: process variability needs an rng');
  const ws = run.workspace ?? new Workspace(layout, plan.base);
  const block = ws.nextBlock();
  const draw = ws.draw;
  const reader = new DrawReader(columns);
  const maxLengthMonths = (plan.longestWeeks * 12) / 52;
  const longestLast = lastMonthOffset(maxLengthMonths);
  // Start-shape tables pay off only when the money factors stay the same across draws.
  const moneyFixed =
    typeof columns.discountRate === 'number' && typeof columns.residentialCostGrowth === 'number' && typeof columns.inflation === 'number';
  const referralShapeFixed = typeof columns.referralGrowth === 'number';

  for (let i = from; i < to; i++) {
    const c = i - columnOffset;
    reader.readInPlace(draw, c, maxLengthMonths);

    // Money: the factors as far as this draw reads them (its placements' tails; all of the
    // horizon for start-shape tables, which span every length, and for one length per
    // placement), the referral shape, and the contract's cost shape.
    const moneyNeed = moneyFixed || plan.processVariability ? ws.months : ws.longestTerm + draw.last + 2;
    ws.money.update(draw.residentialCostGrowth, draw.discountRate, draw.inflation, moneyNeed);
    ws.referrals.update(draw.referralGrowth);
    const cost = ws.costs.shapeFor(draw.annualUplift, draw.externalShare, draw.scheduleShares);
    const fan = i < out.fanIterations;

    // The waiting list and the placements it avoids: every option's totals.
    ws.flows.resetToOwn();
    if (plan.processVariability) {
      placementsWithChance(ws, out, i, draw, run.rng!, plan, cost.endMonth, fan);
    } else {
      const shape = startsShape(ws.referrals, draw.referralsPerMonth, draw.capacity);
      if (shape !== StartsShape.Other && moneyFixed && (shape === StartsShape.Flat || referralShapeFixed)) {
        const tables = ws.tables.tablesFor(shape, longestLast, cost.endMonth);
        placementsFromTables(ws, out, i, draw, tables, shape === StartsShape.Flat ? draw.capacity : draw.referralsPerMonth);
      } else {
        placementsByMonth(ws, out, i, draw, cost.endMonth, plan.base.maxWaitMonths);
      }
    }

    recordContractCost(ws, out, i, from, block, draw.monthlyCost, cost);
    findPayback(ws, out, i, draw, cost, plan.processVariability, fan && !plan.processVariability);
    if (fan) recordFanYears(ws, out, i, draw, cost, plan.processVariability);
  }
}
