/**
 * The numeric inputs of one deterministic projection: every quantity already a plain number.
 * Names follow the scenario file (shared/model.md section 2) in camelCase; units are in the names
 * or the comments. The scenario layer builds these; the model never reads YAML.
 */

/** A calendar month: year and month 1..12. */
export interface YearMonth {
  year: number;
  month: number;
}

/** One council's shares of the region (shared/model.md section 7). Fixed numbers, each set sums to 1. */
export interface Council {
  name: string;
  /** Share of the region's children, so of its counts and of its avoided cost. */
  childrenShare: number;
  /** Share of the part of the contract cost the councils pay (after the grant). */
  matchShare: number;
}

export interface Inputs {
  /** The month that holds contract.start (month 0 of the model). */
  start: YearMonth;
  /** The month that holds contract.base_end (last month of the fixed term). */
  baseEnd: YearMonth;
  /** contract.extensions.max_years: options are 0..maxExtensionYears. */
  maxExtensionYears: number;
  /** contract.extensions.take: the headline option. */
  headlineExtensionYears: number;

  /** contract.annual_value, pounds a year for the whole region. */
  annualValue: number;
  /** contract.extensions.annual_uplift: extension year j costs (1 + uplift)^j times the base. */
  annualUplift: number;
  /** finance.cost_optimism_bias: contract cost x (1 + this). */
  costOptimismBias: number;

  /** funding.external_share: grant share of the contract cost. */
  externalShare: number;
  /** funding.external_share_by_year: overrides keyed by financial-year label, e.g. "2027/28". */
  externalShareByYear: Readonly<Record<string, number>>;
  councils: readonly Council[];

  /** service.referrals_per_year in the first year. */
  referralsPerYear: number;
  /** service.referral_growth: yearly growth rate of referrals. */
  referralGrowth: number;
  /** Children who can start a month: starts_per_year / 12, or caseload / months_per_child. */
  capacityPerMonth: number;
  /** service.max_wait_months; Infinity when unlimited. */
  maxWaitMonths: number;

  breakdownRisk: number;
  effectiveness: number;
  residentialEscalation: number;
  /** Length of an avoided residential placement, in weeks. */
  residentialWeeks: number;
  residentialWeeklyCost: number;
  alternativeWeeklyCost: number;
  /** One-off cost of a placement move, per prevented breakdown. */
  moveCost: number;
  /** outcomes.cashable_share: share of avoided residential cost that is cash. */
  cashableShare: number;

  discountRate: number;
  residentialCostGrowth: number;
  optimismBias: number;
  attribution: number;
}
