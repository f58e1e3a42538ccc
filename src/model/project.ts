/**
 * The deterministic projection (shared/model.md sections 3-8, 16 and 17; docs/model.md): every
 * option over one common horizon, for the region and for each council's own budget, in cash and
 * in present values of real flows.
 */
import { contractEndMonth, externalShareByMonth } from './funding';
import { avoidedCostByMonth, contractCostByMonth } from './money';
import { projectOutcomes } from './outcomes';
import type { BudgetYear, FinancialYearFlows, Flows, PerspectiveResult, Totals } from './results';
import { simulateService } from './service';
import { buildTimeline, horizonMonths, moneySettings, termMonths, type Timeline } from './time';
import type { Inputs } from './types';

/** The region's month-by-month flows for one option, over the common horizon. Money in cash unless named real. */
export interface MonthlyFlows {
  extensionYears: number;
  /** Months in the option's term as signed (the fixed term plus 12 a year). */
  term: number;
  /** Months actually bought: the term, or fewer when the contract ends with its grant (section 16). */
  actualTerm: number;
  referrals: Float64Array;
  starts: Float64Array;
  turnedAway: Float64Array;
  /** Children waiting when the term ends (counted in the actual term's last month). */
  waitingAtEnd: Float64Array;
  prevented: Float64Array;
  placementsAvoided: Float64Array;
  weeksAvoided: Float64Array;
  avoidedCost: Float64Array;
  avoidedCostReal: Float64Array;
  avoidedCostCashable: Float64Array;
  contractCost: Float64Array;
  contractCostReal: Float64Array;
  /** The grant's share of each month's contract cost. */
  externalShare: Float64Array;
}

/** Pads a term-long array with zeros to the horizon. */
function toHorizon(values: Float64Array, horizon: number): Float64Array {
  const out = new Float64Array(horizon);
  out.set(values.subarray(0, Math.min(values.length, horizon)));
  return out;
}

/** The month the contract stops being bought in every option (the longest option's term when it never ends early). */
export function endMonthOf(inputs: Inputs, timeline: Timeline, externalShare: Float64Array): number {
  return contractEndMonth(inputs, externalShare, termMonths(inputs, inputs.maxExtensionYears));
}

/** The region's monthly flows of option `extensionYears` over the timeline's months. */
export function projectOption(inputs: Inputs, extensionYears: number, timeline: Timeline): MonthlyFlows {
  const horizon = timeline.months;
  const externalShare = externalShareByMonth(inputs, timeline);
  const term = termMonths(inputs, extensionYears);
  const actualTerm = Math.min(term, endMonthOf(inputs, timeline, externalShare));
  const service = simulateService(inputs, actualTerm);
  const outcomes = projectOutcomes(inputs, service.starts, horizon);
  const avoided = avoidedCostByMonth(inputs, outcomes.weeksAvoided, outcomes.prevented, timeline.deflator);
  const cost = contractCostByMonth(inputs, actualTerm, timeline.deflator);
  const waitingAtEnd = new Float64Array(horizon);
  waitingAtEnd[actualTerm - 1] = service.waitingAtEnd;
  return {
    extensionYears,
    term,
    actualTerm,
    referrals: toHorizon(service.referrals, horizon),
    starts: toHorizon(service.starts, horizon),
    turnedAway: toHorizon(service.turnedAway, horizon),
    waitingAtEnd,
    prevented: outcomes.prevented,
    placementsAvoided: outcomes.placementsAvoided,
    weeksAvoided: outcomes.weeksAvoided,
    avoidedCost: avoided.avoidedCost,
    avoidedCostReal: avoided.avoidedCostReal,
    avoidedCostCashable: avoided.avoidedCostCashable,
    contractCost: cost.cash,
    contractCostReal: cost.real,
    externalShare,
  };
}

/**
 * How a perspective sees the region's flows (section 7): a share of counts and benefits, and of
 * the contract cost. The region bears the whole contract cost; a council bears match_share x the
 * part the grant does not pay, month by month.
 */
export interface PerspectiveScale {
  /** Multiplies counts and avoided cost (children_share; 1 for the region). */
  childrenShare: number;
  /** A council's match_share; null for the region. */
  matchShare: number | null;
}

export const REGION_SCALE: PerspectiveScale = { childrenShare: 1, matchShare: null };

/** The share of month n's contract cost the perspective bears in its appraisal. */
export function costShareInMonth(scale: PerspectiveScale, flows: Pick<MonthlyFlows, 'externalShare'>, n: number): number {
  return scale.matchShare === null ? 1 : scale.matchShare * (1 - flows.externalShare[n]!);
}

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

/** Adds month n of `flows`, seen through the scales, into `into`. PVs are of real flows. */
function addMonth(into: Flows, flows: MonthlyFlows, n: number, scale: number, costShare: number, discount: number): void {
  into.referrals += flows.referrals[n]! * scale;
  into.starts += flows.starts[n]! * scale;
  into.waitingAtEnd += flows.waitingAtEnd[n]! * scale;
  into.turnedAway += flows.turnedAway[n]! * scale;
  into.breakdownsPrevented += flows.prevented[n]! * scale;
  into.residentialPlacementsAvoided += flows.placementsAvoided[n]! * scale;
  into.residentialWeeksAvoided += flows.weeksAvoided[n]! * scale;
  into.avoidedCost += flows.avoidedCost[n]! * scale;
  into.avoidedCostPV += flows.avoidedCostReal[n]! * scale * discount;
  into.avoidedCostCashable += flows.avoidedCostCashable[n]! * scale;
  into.contractCost += flows.contractCost[n]! * costShare;
  into.contractCostPV += flows.contractCostReal[n]! * costShare * discount;
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
    const costShare = costShareInMonth(scale, flows, n);
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

/**
 * The cash budget table of one option for one perspective (section 18), by financial year, at the
 * flows given: the contract's gross cost (a council: its match_share of it), the grant's part,
 * the rest paid from the councils' own budgets, cashable and non-cashable savings, and the net
 * effect on the budget (cashable saving - own contribution), with its running total.
 * Percentile columns are null here; Monte Carlo fills them.
 */
export function budgetByYear(flows: MonthlyFlows, timeline: Timeline, scale: PerspectiveScale): BudgetYear[] {
  const rows: BudgetYear[] = timeline.yearLabels.map((year) => ({
    year,
    grossContractCost: 0,
    externalFunding: 0,
    ownContribution: 0,
    cashableSaving: 0,
    nonCashableSaving: 0,
    netBudgetEffect: 0,
    cumulativeNetBudgetEffect: 0,
    netBudgetEffectP10: null,
    netBudgetEffectP50: null,
    netBudgetEffectP90: null,
  }));
  const costScale = scale.matchShare ?? 1;
  for (let n = 0; n < timeline.months; n++) {
    const row = rows[timeline.yearOfMonth[n]!]!;
    const gross = flows.contractCost[n]! * costScale;
    const external = gross * flows.externalShare[n]!;
    const cashable = flows.avoidedCostCashable[n]! * scale.childrenShare;
    row.grossContractCost += gross;
    row.externalFunding += external;
    row.ownContribution += gross - external;
    row.cashableSaving += cashable;
    row.nonCashableSaving += flows.avoidedCost[n]! * scale.childrenShare - cashable;
  }
  let cumulative = 0;
  for (const row of rows) {
    row.netBudgetEffect = row.cashableSaving - row.ownContribution;
    cumulative += row.netBudgetEffect;
    row.cumulativeNetBudgetEffect = cumulative;
  }
  return rows;
}

/** The scales of the region and of each council (section 7), by perspective name. */
export function perspectiveScales(inputs: Pick<Inputs, 'councils'>): Record<string, PerspectiveScale> {
  const scales: Record<string, PerspectiveScale> = { region: REGION_SCALE };
  for (const council of inputs.councils) scales[council.name] = { childrenShare: council.childrenShare, matchShare: council.matchShare };
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

/** The common horizon's timeline of a set of inputs (section 3), with its money settings (section 17). */
export function timelineOf(inputs: Inputs, longestWeeks: number = inputs.residentialWeeks): Timeline {
  return buildTimeline(inputs.start, horizonMonths(inputs, longestWeeks), moneySettings(inputs));
}

/** The deterministic projection of every option 0..max_years, for every perspective, over one horizon. */
export function projectAll(inputs: Inputs): Projection {
  const timeline = timelineOf(inputs);
  const scales = perspectiveScales(inputs);
  const options: OptionProjection[] = [];
  for (let k = 0; k <= inputs.maxExtensionYears; k++) {
    const flows = projectOption(inputs, k, timeline);
    const perspectives: Record<string, PerspectiveResult> = {};
    for (const [name, scale] of Object.entries(scales)) perspectives[name] = perspectiveResult(flows, timeline, scale);
    options.push({ extensionYears: k, flows, perspectives });
  }
  return { horizon: timeline.months, timeline, options };
}

/** The NPV of each option for one perspective (default the region): the figure switching values, the tornado and the map solve for. */
export function npvByOption(inputs: Inputs, perspective = 'region'): number[] {
  const timeline = timelineOf(inputs);
  const scale = perspectiveScales(inputs)[perspective];
  if (!scale) throw new Error(`npvByOption: no perspective ${perspective}`);
  const npvs: number[] = [];
  for (let k = 0; k <= inputs.maxExtensionYears; k++) {
    const flows = projectOption(inputs, k, timeline);
    let npv = 0;
    for (let n = 0; n < timeline.months; n++) {
      const benefit = flows.avoidedCostReal[n]! * scale.childrenShare;
      const cost = flows.contractCostReal[n]! * costShareInMonth(scale, flows, n);
      npv += (benefit - cost) * timeline.discount[n]!;
    }
    npvs.push(npv);
  }
  return npvs;
}

/** The region's NPV of each option. */
export function regionNpvByOption(inputs: Inputs): number[] {
  return npvByOption(inputs, 'region');
}
