/**
 * The inputs of a block of draws: one column of values per varying input (a number when it does
 * not vary), and each draw's values read from them under names, with what the loop derives from
 * them once per draw. The draws themselves are made in src/run/draws.ts.
 */
import { lastMonthOffset, lastMonthShare } from '../placementSpread';

/** The numeric inputs that Monte Carlo may vary from one iteration to the next. */
export const VARYING_FIELDS = [
  'annualValue',
  'annualUplift',
  'costOptimismBias',
  'externalShare',
  'referralsPerYear',
  'referralGrowth',
  'capacityPerMonth',
  'breakdownRisk',
  'effectiveness',
  'residentialEscalation',
  'residentialWeeks',
  'residentialWeeklyCost',
  'alternativeWeeklyCost',
  'moveCost',
  'cashableShare',
  'discountRate',
  'inflation',
  'residentialCostGrowth',
  'optimismBias',
  'attribution',
] as const;

export type VaryingField = (typeof VARYING_FIELDS)[number];

/**
 * One column of values per varying input for a block of iterations (constants as numbers), and one
 * per funding.schedule entry's share, in the schedule's order (section 16).
 */
export type InputColumns = Record<VaryingField, Float64Array | number> & { scheduleShares: readonly (Float64Array | number)[] };

/** Inputs that change the contract cost's shape over months (not only its size). */
export const COST_SHAPE_FIELDS = ['annualUplift', 'discountRate', 'externalShare', 'inflation'] as const;

/** True when any cost-shape input (schedule shares included) varies between iterations in these columns. */
export function costShapeVaries(columns: InputColumns): boolean {
  return COST_SHAPE_FIELDS.some((f) => typeof columns[f] !== 'number') || columns.scheduleShares.some((c) => typeof c !== 'number');
}

/** Reads column `field` at iteration i. */
export function at(columns: InputColumns, field: VaryingField, i: number): number {
  const c = columns[field];
  return typeof c === 'number' ? c : c[i]!;
}

/** One draw's inputs, by name, as the loop uses them (reused from draw to draw: see readDrawInPlace). */
export interface DrawInputs {
  /** A placement's length in months (weeks x 12/52, at most the plan's longest). */
  lengthMonths: number;
  /** Offset of the last month a placement touches, and the share of that month it covers (placementSpread.ts). */
  last: number;
  lastShare: number;
  residentialCostGrowth: number;
  discountRate: number;
  inflation: number;
  referralGrowth: number;
  annualUplift: number;
  externalShare: number;
  cashableShare: number;
  referralsPerMonth: number;
  /** Children the service can start a month. */
  capacity: number;
  /** Breakdowns prevented per child starting: risk x effectiveness x attribution. */
  preventedPerStart: number;
  /** Share of prevented breakdowns that would have ended in residential care. */
  escalation: number;
  /** Residential weekly cost less the weekly cost of the placement kept instead. */
  netWeekly: number;
  moveCost: number;
  /** Share of the benefits kept after optimism bias: 1 - optimism bias. */
  kept: number;
  /** The contract's cost a month before any uplift: annual value / 12 x (1 + cost optimism bias). */
  monthlyCost: number;
}

/** A DrawInputs to fill with readDrawInPlace. */
export function emptyDrawInputs(): DrawInputs {
  return {
    lengthMonths: 0,
    last: 0,
    lastShare: 0,
    residentialCostGrowth: 0,
    discountRate: 0,
    inflation: 0,
    referralGrowth: 0,
    annualUplift: 0,
    externalShare: 0,
    cashableShare: 0,
    referralsPerMonth: 0,
    capacity: 0,
    preventedPerStart: 0,
    escalation: 0,
    netWeekly: 0,
    moveCost: 0,
    kept: 0,
    monthlyCost: 0,
  };
}

/**
 * Fills `draw` with the values of draw `c` of `columns` (placement lengths capped at
 * `maxLengthMonths`), so the loop allocates nothing per draw.
 */
export function readDrawInPlace(draw: DrawInputs, columns: InputColumns, c: number, maxLengthMonths: number): void {
  const lengthMonths = Math.min(maxLengthMonths, (at(columns, 'residentialWeeks', c) * 12) / 52);
  draw.lengthMonths = lengthMonths;
  draw.last = lastMonthOffset(lengthMonths);
  draw.lastShare = lastMonthShare(lengthMonths, draw.last);
  draw.residentialCostGrowth = at(columns, 'residentialCostGrowth', c);
  draw.discountRate = at(columns, 'discountRate', c);
  draw.inflation = at(columns, 'inflation', c);
  draw.referralGrowth = at(columns, 'referralGrowth', c);
  draw.annualUplift = at(columns, 'annualUplift', c);
  draw.externalShare = at(columns, 'externalShare', c);
  draw.cashableShare = at(columns, 'cashableShare', c);
  draw.referralsPerMonth = at(columns, 'referralsPerYear', c) / 12;
  draw.capacity = at(columns, 'capacityPerMonth', c);
  draw.preventedPerStart = at(columns, 'breakdownRisk', c) * at(columns, 'effectiveness', c) * at(columns, 'attribution', c);
  draw.escalation = at(columns, 'residentialEscalation', c);
  draw.netWeekly = at(columns, 'residentialWeeklyCost', c) - at(columns, 'alternativeWeeklyCost', c);
  draw.moveCost = at(columns, 'moveCost', c);
  draw.kept = 1 - at(columns, 'optimismBias', c);
  draw.monthlyCost = (at(columns, 'annualValue', c) / 12) * (1 + at(columns, 'costOptimismBias', c));
}
