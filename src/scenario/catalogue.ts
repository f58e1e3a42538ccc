/**
 * The input catalogue: one row per numeric input a scenario may hold as a number, a distribution
 * or a formula (shared/model.md sections 2, 10, 12 and 17). Everything that lists inputs reads
 * this table: the schema (ranges, defaults, sanity limits, the words of its messages), the
 * loader (defaults), FIELD_OF_PATH and buildInputs (which model field a path feeds), the
 * switching-value search (its range and the inputs always searched), the report (units, labels,
 * names in sentences, the inputs sheet of the workbook) and the "try a change" form.
 *
 * To add an input: add the model field (src/model/types.ts Inputs, VARYING_FIELDS in
 * src/model/simulate/inputs.ts), one row here, and its label in src/report/messages.en.ts and
 * messages.cy.ts. The type check below and test/scenario/catalogue.test.ts say what is missing.
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
 * list items, not rows: probabilities 0 to 1.
 */
import type { VaryingField } from '../model/simulate';

/** The range part of an input: what the schema checks and the switching-value search stays in. */
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

/** How an input's values read: money, a share shown as a percentage, a count, weeks or months. */
export type InputUnit = 'money' | 'percent' | 'count' | 'weeks' | 'months' | 'number';

/** One input of the catalogue. */
export interface InputRow extends InputPath {
  /**
   * The model input it feeds (src/model/types.ts). The three capacity paths feed capacityPerMonth
   * together: starts_per_year / 12, or caseload / months_per_child (fields.ts).
   */
  field: VaryingField;
  unit: InputUnit;
  /** The message key of its label, "input.<path>" (src/report/messages.en.ts; the scenario layer cannot import it). */
  label: `input.${string}`;
  /** The message key of its name within a sentence, "information.input.<path>", when it has one (else the path is shown). */
  name?: `information.input.${string}`;
  /** Its place (1 first) among the inputs whose switching value is always reported, when it is one of them (section 8). */
  switching?: number;
  /** Its box on the "try a change" form: the form field's name and its place (1 first), when it has one. */
  form?: { name: string; order: number };
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

/** The rows as written, each with its literal types (for the type checks below). */
const ROWS = [
  {
    path: 'contract.annual_value',
    field: 'annualValue',
    unit: 'money',
    min: 0,
    max: Infinity,
    limit: MONEY_LIMIT,
    expected: MONEY,
    label: 'input.contract.annual_value',
    name: 'information.input.contract.annual_value',
    switching: 9,
    form: { name: 'contractValue', order: 6 },
  },
  {
    path: 'contract.extensions.annual_uplift',
    field: 'annualUplift',
    unit: 'percent',
    defaultValue: 0,
    min: -0.5,
    max: 1,
    expected: RATE,
    label: 'input.contract.extensions.annual_uplift',
  },
  {
    path: 'funding.external_share',
    field: 'externalShare',
    unit: 'percent',
    defaultValue: 0,
    min: 0,
    max: 1,
    expected: PROBABILITY,
    label: 'input.funding.external_share',
  },
  {
    path: 'service.referrals_per_year',
    field: 'referralsPerYear',
    unit: 'count',
    min: 0,
    max: Infinity,
    limit: CHILDREN_LIMIT,
    expected: 'a number of children a year, 0 or more',
    label: 'input.service.referrals_per_year',
    name: 'information.input.service.referrals_per_year',
    switching: 6,
  },
  {
    path: 'service.referral_growth',
    field: 'referralGrowth',
    unit: 'percent',
    defaultValue: 0,
    min: -0.9,
    max: 10,
    expected: RATE,
    label: 'input.service.referral_growth',
  },
  {
    path: 'service.capacity.starts_per_year',
    field: 'capacityPerMonth',
    unit: 'count',
    min: 0,
    max: Infinity,
    limit: CHILDREN_LIMIT,
    expected: 'a number of children a year, 0 or more',
    label: 'input.service.capacity.starts_per_year',
    name: 'information.input.service.capacity.starts_per_year',
    switching: 7,
    // A scenario gives starts_per_year or caseload, so the form shows the one it has.
    form: { name: 'capacity', order: 5 },
  },
  {
    path: 'service.capacity.caseload',
    field: 'capacityPerMonth',
    unit: 'count',
    min: 0,
    max: Infinity,
    limit: CHILDREN_LIMIT,
    expected: 'a number of children, 0 or more',
    label: 'input.service.capacity.caseload',
    switching: 8,
    form: { name: 'capacity', order: 5 },
  },
  {
    path: 'service.capacity.months_per_child',
    field: 'capacityPerMonth',
    unit: 'months',
    min: 0,
    minExclusive: true,
    max: Infinity,
    expected: 'a number of months, more than 0',
    label: 'input.service.capacity.months_per_child',
  },
  {
    path: 'outcomes.breakdown_risk',
    field: 'breakdownRisk',
    unit: 'percent',
    min: 0,
    max: 1,
    expected: PROBABILITY,
    label: 'input.outcomes.breakdown_risk',
    name: 'information.input.outcomes.breakdown_risk',
    switching: 2,
    form: { name: 'breakdownRisk', order: 2 },
  },
  {
    path: 'outcomes.effectiveness',
    field: 'effectiveness',
    unit: 'percent',
    min: 0,
    max: 1,
    expected: PROBABILITY,
    label: 'input.outcomes.effectiveness',
    name: 'information.input.outcomes.effectiveness',
    switching: 1,
    form: { name: 'effectiveness', order: 3 },
  },
  {
    path: 'outcomes.residential_escalation',
    field: 'residentialEscalation',
    unit: 'percent',
    min: 0,
    max: 1,
    expected: PROBABILITY,
    label: 'input.outcomes.residential_escalation',
    name: 'information.input.outcomes.residential_escalation',
    switching: 3,
    form: { name: 'escalation', order: 4 },
  },
  {
    path: 'outcomes.residential_weeks',
    field: 'residentialWeeks',
    unit: 'weeks',
    min: 0,
    max: Infinity,
    limit: WEEKS_LIMIT,
    // The expected text names the limit, so a plain value past it reads as before v1.2.
    expected: 'a number of weeks between 0 and 520',
    label: 'input.outcomes.residential_weeks',
    name: 'information.input.outcomes.residential_weeks',
    switching: 5,
  },
  {
    path: 'outcomes.residential_weekly_cost',
    field: 'residentialWeeklyCost',
    unit: 'money',
    min: 0,
    max: Infinity,
    limit: MONEY_LIMIT,
    expected: MONEY,
    label: 'input.outcomes.residential_weekly_cost',
    name: 'information.input.outcomes.residential_weekly_cost',
    switching: 4,
    form: { name: 'weeklyCost', order: 1 },
  },
  {
    path: 'outcomes.alternative_weekly_cost',
    field: 'alternativeWeeklyCost',
    unit: 'money',
    defaultValue: 0,
    min: 0,
    max: Infinity,
    limit: MONEY_LIMIT,
    expected: MONEY,
    label: 'input.outcomes.alternative_weekly_cost',
    name: 'information.input.outcomes.alternative_weekly_cost',
  },
  {
    path: 'outcomes.move_cost',
    field: 'moveCost',
    unit: 'money',
    defaultValue: 0,
    min: 0,
    max: Infinity,
    limit: MONEY_LIMIT,
    expected: MONEY,
    label: 'input.outcomes.move_cost',
    name: 'information.input.outcomes.move_cost',
  },
  {
    path: 'outcomes.cashable_share',
    field: 'cashableShare',
    unit: 'percent',
    defaultValue: 1,
    min: 0,
    max: 1,
    expected: PROBABILITY,
    label: 'input.outcomes.cashable_share',
  },
  {
    path: 'finance.discount_rate',
    field: 'discountRate',
    unit: 'percent',
    defaultValue: 0.035,
    min: -0.5,
    max: 1,
    expected: RATE,
    label: 'input.finance.discount_rate',
    name: 'information.input.finance.discount_rate',
  },
  {
    path: 'finance.inflation',
    field: 'inflation',
    unit: 'percent',
    optional: true,
    min: -0.5,
    max: 1,
    expected: RATE,
    label: 'input.finance.inflation',
  },
  {
    path: 'finance.residential_cost_growth',
    field: 'residentialCostGrowth',
    unit: 'percent',
    defaultValue: 0,
    min: -0.5,
    max: 1,
    expected: RATE,
    label: 'input.finance.residential_cost_growth',
  },
  {
    path: 'finance.optimism_bias',
    field: 'optimismBias',
    unit: 'percent',
    defaultValue: 0,
    min: 0,
    max: 1,
    expected: PROBABILITY,
    label: 'input.finance.optimism_bias',
  },
  {
    path: 'finance.cost_optimism_bias',
    field: 'costOptimismBias',
    unit: 'percent',
    defaultValue: 0,
    min: 0,
    max: 2,
    expected: 'a share such as 0.2 (20%), between 0 and 2',
    label: 'input.finance.cost_optimism_bias',
  },
  {
    path: 'finance.attribution',
    field: 'attribution',
    unit: 'percent',
    defaultValue: 1,
    min: 0,
    max: 1,
    expected: PROBABILITY,
    label: 'input.finance.attribution',
    name: 'information.input.finance.attribution',
    switching: 10,
  },
] as const satisfies readonly InputRow[];

/**
 * Every input, in the file's order of sections. The order is the order of the quantities, of the
 * draws and of the assumptions table; switching and form places are given apart.
 */
export const INPUTS: readonly InputRow[] = ROWS;

/** The path of a catalogue row, as a type: 'contract.annual_value' | ... */
export type InputRowPath = (typeof ROWS)[number]['path'];

/** The paths that feed one model field. PathsOfField<'capacityPerMonth'> -> the three capacity paths. */
export type PathsOfField<Field extends VaryingField> = Extract<(typeof ROWS)[number], { field: Field }>['path'];

// Every varying model field has a row (every row has a field by its type): a field left out
// makes this line fail to compile, naming the field.
type FieldWithoutRow = Exclude<VaryingField, (typeof ROWS)[number]['field']>;
const everyFieldHasRow: [FieldWithoutRow] extends [never] ? true : FieldWithoutRow = true;
void everyFieldHasRow;

/** The rows by path. */
export const INPUT_BY_PATH: ReadonlyMap<string, InputRow> = new Map(INPUTS.map((row) => [row.path, row]));

/** The catalogue row of a path, or undefined (variables, list items). inputRow('outcomes.effectiveness')?.unit -> 'percent' */
export function inputRow(path: string): InputRow | undefined {
  return INPUT_BY_PATH.get(path);
}

/**
 * The inputs whose switching value is always reported when the scenario has them (section 8), in
 * their places. switchingPaths()[0] -> 'outcomes.effectiveness'
 */
export function switchingPaths(): string[] {
  return INPUTS.filter((row) => row.switching !== undefined)
    .sort((a, b) => (a.switching ?? 0) - (b.switching ?? 0))
    .map((row) => row.path);
}

/** The rows the "try a change" form offers, in its order (both capacity rows share a place). */
export function formRows(): (InputRow & { form: NonNullable<InputRow['form']> })[] {
  const rows = INPUTS.flatMap((row) => (row.form === undefined ? [] : [{ ...row, form: row.form }]));
  return rows.sort((a, b) => a.form.order - b.form.order);
}

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
