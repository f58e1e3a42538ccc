/**
 * The deterministic projection (shared/model.md sections 3-8): every option over one common
 * horizon, for the region and for each council's own budget.
 */
import { avoidedCostByMonth, contractCostByMonth, externalShareInYear } from './money';
import { projectOutcomes } from './outcomes';
import type { FinancialYearFlows, Flows, PerspectiveResult, Totals } from './results';
import { simulateService } from './service';
import { buildTimeline, horizonMonths, termMonths, type Timeline } from './time';
import type { Inputs } from './types';

/** The region's month-by-month flows for one option, over the common horizon. */
export interface MonthlyFlows {
  extensionYears: number;
  /** Months in the option's term. */
  term: number;
  referrals: Float64Array;
  starts: Float64Array;
  turnedAway: Float64Array;
  /** Children waiting when the term ends (counted in the term's last month). */
  waitingAtEnd: Float64Array;
  prevented: Float64Array;
  placementsAvoided: Float64Array;
  weeksAvoided: Float64Array;
  avoidedCost: Float64Array;
  avoidedCostCashable: Float64Array;
  contractCost: Float64Array;
}

/** Pads a term-long array with zeros to the horizon. */
function toHorizon(values: Float64Array, horizon: number): Float64Array {
  const out = new Float64Array(horizon);
  out.set(values.subarray(0, Math.min(values.length, horizon)));
  return out;
}

/** The region's monthly flows of option `extensionYears` over `horizon` months. */
export function projectOption(inputs: Inputs, extensionYears: number, horizon: number): MonthlyFlows {
  const term = termMonths(inputs, extensionYears);
  const service = simulateService(inputs, term);
  const outcomes = projectOutcomes(inputs, service.starts, horizon);
  const avoided = avoidedCostByMonth(inputs, outcomes.weeksAvoided, outcomes.prevented);
  const waitingAtEnd = new Float64Array(horizon);
  waitingAtEnd[term - 1] = service.waitingAtEnd;
  return {
    extensionYears,
    term,
    referrals: toHorizon(service.referrals, horizon),
    starts: toHorizon(service.starts, horizon),
    turnedAway: toHorizon(service.turnedAway, horizon),
    waitingAtEnd,
    prevented: outcomes.prevented,
    placementsAvoided: outcomes.placementsAvoided,
    weeksAvoided: outcomes.weeksAvoided,
    avoidedCost: avoided.avoidedCost,
    avoidedCostCashable: avoided.avoidedCostCashable,
    contractCost: contractCostByMonth(inputs, term, horizon),
  };
}

/** How a perspective sees the region's flows: a share of counts and benefits, and of cost by year. */
export interface PerspectiveScale {
  /** Multiplies counts and avoided cost (children_share; 1 for the region). */
  childrenShare: number;
  /** Share of the contract cost paid in financial year y (by index into the timeline). */
  costShareInYear: (year: number) => number;
}

export const REGION_SCALE: PerspectiveScale = { childrenShare: 1, costShareInYear: () => 1 };

function emptyFlows(): Flows {
  return {
    referrals: 0,
    starts: 0,
    waitingAtEnd: 0,
    turnedAway: 0,
    breakdownsPrevented: 0,
    residentialPlacementsAvoided: 0,
    residentialWeeksAvoided: 0,
    avoidedCost: 0,
    avoidedCostPV: 0,
    avoidedCostCashable: 0,
    contractCost: 0,
    contractCostPV: 0,
    netSaving: 0,
    npv: 0,
  };
}

/** Adds month n of `flows`, seen through `scale`, into `into`. */
function addMonth(into: Flows, flows: MonthlyFlows, n: number, scale: number, costShare: number, discount: number): void {
  const benefit = flows.avoidedCost[n]! * scale;
  const cost = flows.contractCost[n]! * costShare;
  into.referrals += flows.referrals[n]! * scale;
  into.starts += flows.starts[n]! * scale;
  into.waitingAtEnd += flows.waitingAtEnd[n]! * scale;
  into.turnedAway += flows.turnedAway[n]! * scale;
  into.breakdownsPrevented += flows.prevented[n]! * scale;
  into.residentialPlacementsAvoided += flows.placementsAvoided[n]! * scale;
  into.residentialWeeksAvoided += flows.weeksAvoided[n]! * scale;
  into.avoidedCost += benefit;
  into.avoidedCostPV += benefit * discount;
  into.avoidedCostCashable += flows.avoidedCostCashable[n]! * scale;
  into.contractCost += cost;
  into.contractCostPV += cost * discount;
}

function finishFlows(flows: Flows): void {
  flows.netSaving = flows.avoidedCost - flows.contractCost;
  flows.npv = flows.avoidedCostPV - flows.contractCostPV;
}

/** Totals and financial-year breakdown of one option for one perspective. */
export function perspectiveResult(flows: MonthlyFlows, timeline: Timeline, scale: PerspectiveScale): PerspectiveResult {
  const byYear: FinancialYearFlows[] = timeline.yearLabels.map((year) => ({ year, ...emptyFlows() }));
  const totals: Totals = { ...emptyFlows(), bcr: null, paybackMonth: null };
  let cumulativeNet = 0;
  for (let n = 0; n < timeline.months; n++) {
    const year = timeline.yearOfMonth[n]!;
    const costShare = scale.costShareInYear(year);
    addMonth(byYear[year]!, flows, n, scale.childrenShare, costShare, timeline.discount[n]!);
    addMonth(totals, flows, n, scale.childrenShare, costShare, timeline.discount[n]!);
    cumulativeNet += flows.avoidedCost[n]! * scale.childrenShare - flows.contractCost[n]! * costShare;
    if (totals.paybackMonth === null && cumulativeNet >= 0) totals.paybackMonth = n;
  }
  byYear.forEach(finishFlows);
  finishFlows(totals);
  totals.bcr = totals.contractCostPV > 0 ? totals.avoidedCostPV / totals.contractCostPV : null;
  return { totals, byFinancialYear: byYear };
}

/** The scales of the region and of each council (section 7), by perspective name. */
export function perspectiveScales(inputs: Inputs, timeline: Timeline): Record<string, PerspectiveScale> {
  const scales: Record<string, PerspectiveScale> = { region: REGION_SCALE };
  const paidByCouncils = timeline.yearLabels.map((label) => 1 - externalShareInYear(inputs, label));
  for (const council of inputs.councils) {
    scales[council.name] = {
      childrenShare: council.childrenShare,
      costShareInYear: (year) => paidByCouncils[year]! * council.matchShare,
    };
  }
  return scales;
}

/** One option's results for every perspective. */
export interface OptionProjection {
  extensionYears: number;
  flows: MonthlyFlows;
  perspectives: Record<string, PerspectiveResult>;
}

export interface Projection {
  horizon: number;
  timeline: Timeline;
  options: OptionProjection[];
}

/** The deterministic projection of every option 0..max_years, for every perspective, over one horizon. */
export function projectAll(inputs: Inputs): Projection {
  const horizon = horizonMonths(inputs, inputs.residentialWeeks);
  const timeline = buildTimeline(inputs.start, horizon, inputs.discountRate);
  const scales = perspectiveScales(inputs, timeline);
  const options: OptionProjection[] = [];
  for (let k = 0; k <= inputs.maxExtensionYears; k++) {
    const flows = projectOption(inputs, k, horizon);
    const perspectives: Record<string, PerspectiveResult> = {};
    for (const [name, scale] of Object.entries(scales)) perspectives[name] = perspectiveResult(flows, timeline, scale);
    options.push({ extensionYears: k, flows, perspectives });
  }
  return { horizon, timeline, options };
}

/** The region's NPV of each option, the figure switching values and the tornado solve for. */
export function regionNpvByOption(inputs: Inputs): number[] {
  const horizon = horizonMonths(inputs, inputs.residentialWeeks);
  const timeline = buildTimeline(inputs.start, horizon, inputs.discountRate);
  const npvs: number[] = [];
  for (let k = 0; k <= inputs.maxExtensionYears; k++) {
    const flows = projectOption(inputs, k, horizon);
    let npv = 0;
    for (let n = 0; n < horizon; n++) npv += (flows.avoidedCost[n]! - flows.contractCost[n]!) * timeline.discount[n]!;
    npvs.push(npv);
  }
  return npvs;
}
