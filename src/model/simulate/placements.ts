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
import { addSpreadInPlace, spreadSum, spreadSumKnowing } from '../placementSpread';
import type { Rng } from '../random/rng';
import { WEEKS_PER_MONTH } from '../time';
import { addFanCohort, recordOptionTotals } from './accumulate';
import type { DrawInputs } from './inputs';
import type { SimulationOutput } from './output';
import type { ShapeTables } from './flows';
import type { SimulationPlan } from './plan';
import { fillStartsInPlace, fillStartsWithChanceInPlace } from './waitingList';
import type { Workspace } from './workspace';

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
  fillStartsWithChanceInPlace(
    starts,
    ws.waiting,
    ws.referrals,
    ws.poissonTable,
    rng,
    draw.referralsPerMonth,
    draw.capacity,
    plan.base.maxWaitMonths,
  );
  starts.fill(0, endMonth); // nobody starts once the contract has ended (section 16)
  ws.weeks.fill(0);
  if (fan) {
    ws.fanAccumulator.fill(0);
    ws.fanCashableAccumulator.fill(0);
  }
  const money = ws.money;
  const outcomes = ws.binomialTables;
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
    const prev = outcomes.draw(rng, starts[m]!, preventedPerStart);
    const place = outcomes.draw(rng, prev, escalation);
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
