/**
 * The machine-readable results of shared/model.md sections 9, 13 and 15: one shape shared by the
 * command line's JSON, the HTTP API and the exports. Money in pounds, unrounded.
 */
import type { WaitOneYear } from './information';
import type { LocalText } from './localText';
import type { ExpectedCounts, ObservedCounts, Tracking } from './update';

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
  /**
   * The scenario's name (English, as section 9 has it) and hash; `text` gives its name and its
   * councils' names (by key) in each language the file has, for display only.
   */
  scenario: { name: string; hash: string; text?: { name: LocalText; councils: Record<string, LocalText> } };
  modelVersion: string;
  options: OptionResult[];
  /** The extension years of the scenario's headline option (contract.extensions.take). */
  headlineExtensionYears?: number;
  /** The financial year whose prices real amounts are in (as moneyBasis.priceBase). */
  priceBase?: string;
  /** The discount rate at central values (as moneyBasis.discountRate). */
  discountRate?: number;
  /** Months in the projection, from the contract's start. */
  horizonMonths?: number;
  /** The month that holds contract.start (month 0 of the model), e.g. "2025-04". */
  firstMonth?: string;
  /** How money is counted (section 17). */
  moneyBasis?: MoneyBasis;
  /** The perspective pages and the map lead with: 'region' or a council (scenario `decision.perspective`). */
  headlinePerspective?: string;
  /** The decision of each perspective (section 18), before any monitoring update. */
  decision?: Record<string, PerspectiveDecision>;
  /** The decision on the weighted draws after a monitoring update. */
  updatedDecision?: Record<string, PerspectiveDecision>;
  /** Cash budget tables by perspective and option (section 18). */
  budget?: Record<string, OptionBudget[]>;
  decisionMap?: DecisionMap | null;
  /** With Monte Carlo: the tornado of the headline option for the headline perspective (section 19). */
  headlineTornado?: TornadoBar[];
  /** Inputs drawn truncated at a sanity limit where it can matter (section 10). */
  truncations?: TruncatedInput[];
  /** With Monte Carlo and monitoring counts in the scenario: the update on them (section 15). */
  monitoring?: MonitoringResult;
  /** With Monte Carlo: EVPI, EVPPI and the value of waiting a year (section 15). */
  valueOfInformation?: ValueOfInformationResult;
}

/** A sanity limit that cut some draws (end of section 10). */
export interface TruncatedInput {
  /** Input path, e.g. "outcomes.residential_weeks". */
  input: string;
  /** The sanity limit the draws are truncated at. */
  limit: number;
  /** P(value > limit) of the distribution as written, without the truncation. */
  probabilityBeyond: number;
}

/** A problem with the monitoring update, as a code with figures; the report words it. */
export type UpdateWarning =
  | { code: 'low-effective-sample-size'; effectiveSampleSize: number; iterations: number; threshold: number }
  | { code: 'low-effective-share'; effectiveSampleSize: number; iterations: number; share: number; threshold: number }
  | { code: 'more-draws-used'; requestedIterations: number; iterations: number; cap: number }
  | { code: 'observations-impossible'; iterations: number };

/** One monitoring period in the results. */
export interface MonitoredPeriod {
  from: string;
  to: string;
  observed: ObservedCounts;
  /** P10/P50/P90 under the scenario's assumptions (before the update). */
  expected: ExpectedCounts;
}

/** The `monitoring` section of the results (section 15). */
export interface MonitoringResult {
  periods: MonitoredPeriod[];
  effectiveSampleSize: number;
  /** Draws the update used (more than asked for when the effective sample size was low). */
  iterations: number;
  /** Every option with its Monte Carlo after the update (the deterministic parts as before). */
  updatedOptions: OptionResult[];
  /** All periods pooled against the expected bands, and whether the service is on track. */
  tracking: Tracking;
  warnings: UpdateWarning[];
  /** The counts are made up for illustration (monitoring.illustrative, section 19): every finding from them says so. */
  illustrative: boolean;
}

/** The `valueOfInformation` section of the results (section 15), in pounds of expected region NPV. */
export interface ValueOfInformationResult {
  perspective: 'region';
  /** Whether the monitoring update's weights were used. */
  afterUpdate: boolean;
  evpi: number;
  /** By input path: the expected value of partial perfect information. */
  evppi: Record<string, number>;
  /** Null when the scenario has no extension years. */
  waitOneYear: WaitOneYear | null;
  iterations: number;
  effectiveSampleSize: number;
}

/** How money is counted in every output (shared/model.md section 17); central values when uncertain. */
export interface MoneyBasis {
  /** The financial year whose prices real amounts are in, e.g. "2024/25". */
  priceBase: string;
  /** General inflation a year (the GDP deflator), e.g. 0.02. */
  inflation: number;
  contractPrice: 'cash' | 'real';
  discountRate: number;
  /** The financial year present values are discounted to, e.g. "2026/27". */
  discountBaseYear: string;
}

/** A figure at central values and, with Monte Carlo, its distribution over the draws (section 18). */
export interface DecisionFigure {
  central: number;
  mean: number | null;
  sem: number | null;
  p10: number | null;
  p50: number | null;
  p90: number | null;
  probabilityPositive: number | null;
}

/** One option in the decision of one perspective (section 18). */
export interface DecisionOption {
  extensionYears: number;
  /** NPV_k - NPV_0: what the extension years add to stopping at the end of the fixed term. */
  incrementalNpv: DecisionFigure;
  /** Net cash saving_k - net cash saving_0. */
  incrementalNetCash: DecisionFigure;
  /**
   * The extension years' effect on the councils' cash budgets (cashable saving - own contribution,
   * option k - option 0, over the horizon); for the region, the three councils together. Always
   * given by the model; optional only so results written before it still read.
   */
  incrementalNetBudgetEffect?: DecisionFigure;
  /** NPV_k - NPV_(k-1); null for option 0. */
  marginalNpv: DecisionFigure | null;
  /** Share of draws in which this option has the highest NPV (ties to the fewest years); null without Monte Carlo. */
  probabilityBest: number | null;
  probabilityBestSem: number | null;
  /** Mean over draws of (best NPV in the draw - this option's NPV); null without Monte Carlo. */
  expectedLoss: number | null;
  expectedLossSem: number | null;
  /** annual_value at which mean incremental NPV is 0 (null for option 0 or with no extension-year cost). */
  breakEvenAnnualPrice: number | null;
  breakEvenAnnualPriceCentral: number | null;
  /** Share of draws in which the contract ended before the option's term (section 16); null without Monte Carlo. */
  probabilityEndedEarly: number | null;
}

export interface PerspectiveDecision {
  /** Extension years of the best option: highest mean NPV with Monte Carlo, else at central values. */
  bestOption: number;
  bestOptionCentral: number;
  options: DecisionOption[];
}

/** One financial year of a budget table, cash (section 18). */
export interface BudgetYear {
  year: string;
  grossContractCost: number;
  externalFunding: number;
  ownContribution: number;
  cashableSaving: number;
  nonCashableSaving: number;
  netBudgetEffect: number;
  cumulativeNetBudgetEffect: number;
  netBudgetEffectP10: number | null;
  netBudgetEffectP50: number | null;
  netBudgetEffectP90: number | null;
}

export interface OptionBudget {
  extensionYears: number;
  byFinancialYear: BudgetYear[];
}

/** The best option of the headline perspective over a grid of two inputs, at central values. */
export interface DecisionMap {
  perspective: string;
  x: { input: string; values: number[] };
  y: { input: string; values: number[] };
  /** bestOption[iy][ix]: extension years of the best option with y at values[iy], x at values[ix]. */
  bestOption: number[][];
}
