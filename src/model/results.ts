/**
 * The machine-readable results of shared/model.md sections 9, 13 and 15: one shape shared by the
 * command line's JSON, the HTTP API and the exports. Money in pounds, unrounded.
 */

/** Flows that add up over months and financial years. */
export interface Flows {
  referrals: number;
  starts: number;
  waitingAtEnd: number;
  turnedAway: number;
  breakdownsPrevented: number;
  residentialPlacementsAvoided: number;
  residentialWeeksAvoided: number;
  avoidedCost: number;
  avoidedCostPV: number;
  /** The cash part of avoided cost (shared/model.md section 12). */
  avoidedCostCashable: number;
  contractCost: number;
  contractCostPV: number;
  netSaving: number;
  npv: number;
}

export interface Totals extends Flows {
  /** PV benefits / PV costs; null when PV costs are zero. */
  bcr: number | null;
  /** First month index where cumulative cash net saving >= 0; null when never. */
  paybackMonth: number | null;
}

export interface FinancialYearFlows extends Flows {
  /** Financial-year label, e.g. "2025/26". */
  year: string;
}

export interface PerspectiveResult {
  totals: Totals;
  byFinancialYear: FinancialYearFlows[];
}

export interface BreakEven {
  /** Residential placements the option must avoid for NPV = 0 (region); null if undefined. */
  placementsNeeded: number | null;
  /** Value of each input at which the region's NPV = 0, or null when none in its range. */
  switchingValues: Record<string, number | null>;
}

export interface QuantileSummary {
  mean: number;
  sem: number;
  p5: number;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
  p95: number;
}

export interface MonteCarloPerspective {
  npv: QuantileSummary;
  netSaving: QuantileSummary;
  residentialPlacementsAvoided: QuantileSummary;
  probabilityNpvPositive: number;
  probabilityNpvPositiveSem: number;
  probabilityPaidBack: number;
  /** Histogram of NPV: bin edges (length bins + 1) and counts. */
  npvHistogram: { edges: number[]; counts: number[] };
  /** By financial year, P5..P95 of cumulative net cash saving. */
  fan: { year: string; p5: number; p25: number; p50: number; p75: number; p95: number }[];
}

export interface TornadoBar {
  input: string;
  low: number;
  high: number;
  npvAtLow: number;
  npvAtHigh: number;
}

export interface MonteCarloResult {
  iterations: number;
  seed: number | string;
  sampling: 'random' | 'latin_hypercube';
  processVariability: boolean;
  perspectives: Record<string, MonteCarloPerspective>;
  tornado: TornadoBar[];
  /** Too few iterations for the precision shown: codes with figures; the report words them. */
  warnings: { code: string; iterations: number; margin: number; recommended: number }[];
}

export interface OptionResult {
  extensionYears: number;
  perspectives: Record<string, PerspectiveResult>;
  breakEven: BreakEven;
  monteCarlo?: MonteCarloResult;
}

export interface Results {
  scenario: { name: string; hash: string };
  modelVersion: string;
  options: OptionResult[];
  [extra: string]: unknown;
}

export const MODEL_VERSION = '1';
