/**
 * The numeric inputs a scenario may hold as a number, a distribution or a formula, by dotted
 * path, with their defaults (shared/model.md sections 2, 12 and 17) and the range a value must be in.
 *
 * Sanity limits (section 10). A limit is not a range: a plain value (or a distribution's
 * parameter, or a formula at central values) past it is an error, but a distribution whose far
 * tail passes it is accepted and drawn truncated at the limit (Distribution.upper); the output
 * notes the truncation when P(beyond) > 1e-6 (see truncation.ts).
 *
 *   key                                   sanity limit
 *   contract.annual_value                 GBP 1,000,000,000
 *   outcomes.residential_weekly_cost      GBP 1,000,000,000
 *   outcomes.alternative_weekly_cost      GBP 1,000,000,000
 *   outcomes.move_cost                    GBP 1,000,000,000
 *   service.referrals_per_year            1,000,000 children a year
 *   service.capacity.starts_per_year      1,000,000 children a year
 *   service.capacity.caseload             1,000,000 children
 *   outcomes.residential_weeks            520 weeks (ten years)
 *
 * Every other key has a true range (a probability 0 to 1, a rate -0.5 to 1, ...): a distribution
 * that can leave it is an error. Schedule and council shares (SCHEDULE_SHARE, COUNCIL_SHARE) are
 * probabilities 0 to 1.
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
   * The sanity limit (see the table above): the largest value a file may give, beyond any real
   * service, where `max` is unbounded. A distribution's tail past it is drawn truncated.
   * Checked when a file is read; switching-value searches stop at it.
   */
  limit?: number;
  /**
   * May be left out although it has no defaultValue: then it is not among the quantities and the
   * model uses 0 (finance.inflation, v1.2, so that a v1.1 file gives the same Scenario as before).
   */
  optional?: boolean;
}

/** Largest number of weeks a residential placement may last (ten years). */
export const WEEKS_LIMIT = 520;

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
  // The expected text names the limit, so a plain value past it reads as before v1.2.
  { path: 'outcomes.residential_weeks', min: 0, max: Infinity, expected: 'a number of weeks between 0 and 520', limit: WEEKS_LIMIT },
  { path: 'outcomes.residential_weekly_cost', min: 0, max: Infinity, expected: MONEY, limit: MONEY_LIMIT },
  { path: 'outcomes.alternative_weekly_cost', defaultValue: 0, min: 0, max: Infinity, expected: MONEY, limit: MONEY_LIMIT },
  { path: 'outcomes.move_cost', defaultValue: 0, min: 0, max: Infinity, expected: MONEY, limit: MONEY_LIMIT },
  { path: 'outcomes.cashable_share', defaultValue: 1, min: 0, max: 1, expected: PROBABILITY },
  { path: 'finance.discount_rate', defaultValue: 0.035, min: -0.5, max: 1, expected: RATE },
  { path: 'finance.inflation', optional: true, min: -0.5, max: 1, expected: RATE },
  { path: 'finance.residential_cost_growth', defaultValue: 0, min: -0.5, max: 1, expected: RATE },
  { path: 'finance.optimism_bias', defaultValue: 0, min: 0, max: 1, expected: PROBABILITY },
  { path: 'finance.cost_optimism_bias', defaultValue: 0, min: 0, max: 2, expected: 'a share such as 0.2 (20%), between 0 and 2' },
  { path: 'finance.attribution', defaultValue: 1, min: 0, max: 1, expected: PROBABILITY },
];

export const INPUT_PATH_BY_NAME: ReadonlyMap<string, InputPath> = new Map(INPUT_PATHS.map((p) => [p.path, p]));

/** The range of a funding.schedule entry's external_share (section 16): `funding.schedule.<i>.external_share`. */
export const SCHEDULE_SHARE: InputPath = { path: 'funding.schedule.external_share', min: 0, max: 1, expected: PROBABILITY };

/** The range of a council's children_share or match_share: fixed numbers, `councils.<i>.match_share`. */
export const COUNCIL_SHARE: InputPath = { path: 'councils.share', min: 0, max: 1, expected: 'a share between 0 and 1 (a plain number)' };

/** The quantity path of schedule entry `index`'s share. scheduleSharePath(2) -> 'funding.schedule.2.external_share' */
export function scheduleSharePath(index: number): string {
  return `funding.schedule.${index}.external_share`;
}

/** The quantity path of a council's share. councilSharePath(0, 'match_share') -> 'councils.0.match_share' */
export function councilSharePath(index: number, key: 'children_share' | 'match_share'): string {
  return `councils.${index}.${key}`;
}
