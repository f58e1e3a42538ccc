/**
 * The numeric inputs a scenario may hold as a number, a distribution or a formula, by dotted
 * path, with their defaults (shared/model.md sections 2 and 12) and the range a value must be in.
 */

export interface InputPath {
  path: string;
  /** Value when the key is left out; undefined means the key is required. */
  defaultValue?: number;
  /** Allowed range, inclusive; used for validation messages and switching-value searches. */
  min: number;
  max: number;
  /** True when the value must be strictly above `min` (months per child: 0 would mean infinite capacity). */
  minExclusive?: boolean;
  /** What a value must be, in words, for messages: "a probability between 0 and 1". */
  expected: string;
  /**
   * The largest value a file may give, beyond any real service, where `max` is unbounded: sums of
   * larger values overflow to infinity. Checked when a file is read; not used for switching values.
   */
  limit?: number;
}

/** Largest amount in pounds a file may give (a contract, a weekly cost, a move). */
export const MONEY_LIMIT = 1_000_000_000;
/** Largest number of children a year (or caseload) a file may give. */
export const CHILDREN_LIMIT = 1_000_000;

const PROBABILITY = 'a probability between 0 and 1';
const MONEY = 'an amount in pounds, 0 or more';
const RATE = 'a rate such as 0.035 (3.5%)';

export const INPUT_PATHS: readonly InputPath[] = [
  { path: 'contract.annual_value', min: 0, max: Infinity, expected: MONEY, limit: MONEY_LIMIT },
  { path: 'contract.extensions.annual_uplift', defaultValue: 0, min: -0.5, max: 1, expected: RATE },
  { path: 'funding.external_share', defaultValue: 0, min: 0, max: 1, expected: PROBABILITY },
  { path: 'service.referrals_per_year', min: 0, max: Infinity, expected: 'a number of children a year, 0 or more', limit: CHILDREN_LIMIT },
  { path: 'service.referral_growth', defaultValue: 0, min: -0.9, max: 10, expected: RATE },
  { path: 'service.capacity.starts_per_year', min: 0, max: Infinity, expected: 'a number of children a year, 0 or more', limit: CHILDREN_LIMIT },
  { path: 'service.capacity.caseload', min: 0, max: Infinity, expected: 'a number of children, 0 or more', limit: CHILDREN_LIMIT },
  { path: 'service.capacity.months_per_child', min: 0, minExclusive: true, max: Infinity, expected: 'a number of months, more than 0' },
  { path: 'outcomes.breakdown_risk', min: 0, max: 1, expected: PROBABILITY },
  { path: 'outcomes.effectiveness', min: 0, max: 1, expected: PROBABILITY },
  { path: 'outcomes.residential_escalation', min: 0, max: 1, expected: PROBABILITY },
  { path: 'outcomes.residential_weeks', min: 0, max: 520, expected: 'a number of weeks between 0 and 520' },
  { path: 'outcomes.residential_weekly_cost', min: 0, max: Infinity, expected: MONEY, limit: MONEY_LIMIT },
  { path: 'outcomes.alternative_weekly_cost', defaultValue: 0, min: 0, max: Infinity, expected: MONEY, limit: MONEY_LIMIT },
  { path: 'outcomes.move_cost', defaultValue: 0, min: 0, max: Infinity, expected: MONEY, limit: MONEY_LIMIT },
  { path: 'outcomes.cashable_share', defaultValue: 1, min: 0, max: 1, expected: PROBABILITY },
  { path: 'finance.discount_rate', defaultValue: 0.035, min: -0.5, max: 1, expected: RATE },
  { path: 'finance.residential_cost_growth', defaultValue: 0, min: -0.5, max: 1, expected: RATE },
  { path: 'finance.optimism_bias', defaultValue: 0, min: 0, max: 1, expected: PROBABILITY },
  { path: 'finance.cost_optimism_bias', defaultValue: 0, min: 0, max: 2, expected: 'a share such as 0.2 (20%), between 0 and 2' },
  { path: 'finance.attribution', defaultValue: 1, min: 0, max: 1, expected: PROBABILITY },
];

export const INPUT_PATH_BY_NAME: ReadonlyMap<string, InputPath> = new Map(INPUT_PATHS.map((p) => [p.path, p]));
