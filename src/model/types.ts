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

/**
 * One entry of funding.schedule in model months (shared/model.md section 16): it covers months
 * fromMonth .. toMonth, both included (toMonth Infinity when the entry has no `to`). Where entries
 * overlap, the first listed wins; months no entry covers take `externalShare`.
 */
export interface FundingEntry {
  fromMonth: number;
  toMonth: number;
  externalShare: number;
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
  /** funding.schedule (section 16); empty when the file has none. Cannot be used with externalShareByYear. */
  fundingSchedule: readonly FundingEntry[];
  /** funding.if_grant_falls: councils pay what the grant does not, or the contract ends (section 16). */
  ifGrantFalls: 'councils_pay' | 'contract_ends';
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
  /** contract.price: `cash` when annual_value and annual_uplift are cash amounts (section 17). */
  contractPrice: 'real' | 'cash';
  /** finance.inflation: general inflation a year (GDP deflator), stepping each April. */
  inflation: number;
  /** finance.price_base as a financial-year index (0 for the year holding month 0). */
  priceBaseYear: number;
  /** finance.discount_base_year as a financial-year index (0 for the year holding month 0). */
  discountBaseYear: number;
  residentialCostGrowth: number;
  optimismBias: number;
  attribution: number;
}
