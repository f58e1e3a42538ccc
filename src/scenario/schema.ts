/**
 * The zod schema of a scenario file (shared/model.md sections 2, 10, 11, 12, 15 and 16-19). Every leaf
 * says in words what it expects, so every issue reads "expected ..., got ...". Numeric inputs
 * become Quantities here: numbers, checked distributions, or formulas compiled once.
 *
 * Two checks depend on the file itself: formulas may only name the file's own `variables:`, and
 * only inputs written as distributions may be correlated. load.ts reads those from the raw value
 * first (a SchemaContext) and validates with validateScenario(value, context), which makes the
 * context visible to those checks for the duration of that one synchronous parse. The schema is
 * built once: building it costs about 10 ms, parsing with it well under 1 ms.
 */
import * as z from 'zod';
import { DISTRIBUTION_NAMES, support, untruncatedSupport, type Distribution } from '../model/distribution';
import { correlationMatrixProblems } from '../model/random/correlate';
import { correlationMatrix } from './correlation';
import { compileFormula, isReservedName } from './formula';
import { expecting, looksLikeMisspeltNumber, showValue, tidy, hint } from './messages';
import { COUNCIL_SHARE, INPUT_BY_PATH, INPUTS, SCHEDULE_SHARE, type InputPath } from './catalogue';
import { didYouMean } from './suggest';
import type { LocalText, Quantity } from './types';

/** What the schema needs to know about the file before it validates it. */
export interface SchemaContext {
  /** Declared variable names, with their central values when the variables are valid. */
  variables: ReadonlyMap<string, number | undefined>;
  /** Input paths and `variables.<name>` written as distributions that can vary. */
  distributionPaths: ReadonlySet<string>;
  /** The councils' names as written (for decision.perspective). */
  councilNames: readonly string[];
  /**
   * The file's list-item input paths: `funding.schedule.<i>.external_share`,
   * `councils.<i>.children_share` and `councils.<i>.match_share` (for correlations and the map).
   */
  listPaths: readonly string[];
  /** Every input path of this scenario (the keys its quantities will have, and `variables.<name>`), for decision.map. */
  inputPaths: readonly string[];
}

/** Marks an issue about a key that should not be there, so it is shown at the key, not its value. */
export const UNKNOWN_KEY = 'unknownKey';
/** Marks an issue inside a formula with the 0-based offset into the formula's text. */
export const FORMULA_OFFSET = 'formulaOffset';
/** Marks an issue about a key that is there but should not be (with another key), shown at the key. */
export const AT_KEY = 'atKey';
/**
 * Marks the issue of a union branch that is for another way of writing the value (a distribution
 * where `{ value, source }` was written, or the reverse), so its issues are not the ones shown.
 */
export const WRONG_FORM = 'wrongForm';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DATE = 'a date like 2025-01-03';
const PROBABILITY = 'a probability between 0 and 1';

/** A range a number must lie in, with its description in words. */
interface Range {
  min: number;
  max: number;
  minExclusive?: boolean;
  expected: string;
}

const ANY_NUMBER: Range = { min: -Infinity, max: Infinity, expected: 'a number' };

/**
 * A mapping with exactly these keys: each unknown key is its own issue, with a suggestion.
 * (z.strictObject reports all unknown keys in one issue, without the known ones to suggest from.)
 */
function section<Shape extends z.ZodRawShape>(shape: Shape, expected: string) {
  const known = Object.keys(shape);
  return z.object(shape, { error: expecting(expected, 'mapping') }).catchall(
    z.unknown().refine(() => false, {
      error: (issue) => {
        const key = String(issue.path?.at(-1));
        return `unknown key \`${key}\`${didYouMean(key, known)}`;
      },
      params: { [UNKNOWN_KEY]: true },
    }),
  );
}

function text(expected = 'text') {
  return z.string({ error: expecting(expected, 'text') });
}

/** Longest name of a scenario or a council (a title; also a CSV and Excel cell). */
export const MAX_NAME_LENGTH = 200;
/** Longest description, source or other text (well inside Excel's 32,767 characters a cell). */
export const MAX_TEXT_LENGTH = 5_000;

/** Text of at most `max` characters, saying how long it was when longer. */
function limitedText(expected: string, max: number) {
  return text(expected).max(max, {
    error: (issue) =>
      `expected ${expected} of at most ${max.toLocaleString('en-GB')} characters, got ${String((issue.input as string | undefined)?.length?.toLocaleString('en-GB') ?? 'more')}; shorten it`,
  });
}

/**
 * Text in English, or in English and Welsh (`{ en: ..., cy: ... }`, Welsh optional), read as a
 * LocalText. localText('a council name', 200) accepts "Bridgend" -> { en: 'Bridgend' } and
 * { en: Bridgend, cy: Pen-y-bont ar Ogwr }; { en: 1 } is "expected a council name, got 1" at `.en`.
 */
function localText(expected: string, max: number, options: { required?: boolean } = {}) {
  const language = (which: string) => {
    const written = limitedText(`${expected}${which}`, max);
    return options.required ? written.trim().min(1, { error: () => `expected ${expected}${which}, got empty text` }) : written;
  };
  return z.union(
    [
      language('').transform((en): LocalText => ({ en })),
      onlyWhen(isMapping).pipe(
        section(
          { en: language(' in English'), cy: language(' in Welsh').optional() },
          `${expected} in English and Welsh: { en, cy }`,
        ).transform(({ en, cy }): LocalText => (cy === undefined ? { en } : { en, cy })),
      ),
    ],
    { error: expecting(expected, 'text') },
  );
}

function plainNumber(range: Range, options: { integer?: boolean } = {}) {
  const error = expecting(range.expected, 'number');
  let schema = options.integer ? z.int({ error }) : z.number({ error });
  if (range.min > -Infinity) schema = range.minExclusive ? schema.gt(range.min, { error }) : schema.min(range.min, { error });
  if (range.max < Infinity) schema = schema.max(range.max, { error });
  return schema;
}

function isCalendarDate(value: string): boolean {
  return z.iso.date().safeParse(value).success;
}

function date() {
  return z.string({ error: expecting(DATE, 'date') }).refine(isCalendarDate, { error: expecting(DATE, 'date') });
}

/** "2027/28": a financial year from 1 April 2027 to 31 March 2028. */
function isFinancialYearLabel(label: string): boolean {
  const match = /^(\d{4})\/(\d{2})$/.exec(label);
  return match !== null && (Number(match[1]) + 1) % 100 === Number(match[2]);
}

function financialYear() {
  const error = expecting('a financial year like "2027/28" (two consecutive years)', 'text');
  return z.string({ error }).refine(isFinancialYearLabel, { error });
}

/** One of a few words: "expected one of: real, cash, got "cahs"; did you mean `cash`?" */
function oneOf<const Word extends string>(words: readonly [Word, ...Word[]]) {
  const expected = `expected one of: ${words.join(', ')}`;
  return z.enum(words, {
    error: (issue) => {
      if (issue.input === undefined) return `required key is missing; ${expected}`;
      return `${expected}, got ${showValue(issue.input)}${typeof issue.input === 'string' ? didYouMean(issue.input, words) : ''}`;
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Provenance (section 19): `source:` and `status:` beside `dist:`, or `{ value, source, status }`

export const PROVENANCE_STATUSES = ['published', 'local_data', 'estimate', 'assumption'] as const;

function provenanceKeys() {
  return {
    source: localText('text saying where the figure comes from', MAX_TEXT_LENGTH).optional(),
    status: oneOf(PROVENANCE_STATUSES).optional(),
  };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{ value: 5631, source: ..., status: ... }`: a number (or formula) with its provenance. */
export function writtenWithValue(value: unknown): boolean {
  return isMapping(value) && !('dist' in value) && 'value' in value;
}

/** A union branch only for values that pass `test`; others get one WRONG_FORM issue and go no further. */
function onlyWhen(test: (value: unknown) => boolean) {
  return z.unknown().refine(test, { params: { [WRONG_FORM]: true }, abort: true });
}

// ---------------------------------------------------------------------------------------------
// Distributions (section 10)

const parameter = () => plainNumber(ANY_NUMBER);
const positiveParameter = (name: string) => plainNumber({ min: 0, minExclusive: true, max: Infinity, expected: `${name} above 0` });

// Each form may carry `source:` and `status:` (section 19); they are not part of the Distribution.
const DISTRIBUTION_OPTIONS = [
  section({ dist: z.literal('fixed'), value: parameter(), ...provenanceKeys() }, 'a fixed distribution: { dist: fixed, value }'),
  section(
    { dist: z.literal('uniform'), min: parameter(), max: parameter(), ...provenanceKeys() },
    'a uniform distribution: { dist: uniform, min, max }',
  ),
  section(
    { dist: z.literal('triangular'), min: parameter(), mode: parameter(), max: parameter(), ...provenanceKeys() },
    'a triangular distribution: { dist: triangular, min, mode, max }',
  ),
  section(
    { dist: z.literal('pert'), min: parameter(), mode: parameter(), max: parameter(), ...provenanceKeys() },
    'a pert distribution: { dist: pert, min, mode, max }',
  ),
  section(
    {
      dist: z.literal('normal'),
      mean: parameter(),
      sd: positiveParameter('a standard deviation'),
      min: parameter().optional(),
      max: parameter().optional(),
      ...provenanceKeys(),
    },
    'a normal distribution: { dist: normal, mean, sd }',
  ),
  section(
    {
      dist: z.literal('lognormal'),
      low: positiveParameter('a 5th percentile'),
      high: positiveParameter('a 95th percentile'),
      ...provenanceKeys(),
    },
    'a lognormal distribution: { dist: lognormal, low, high }',
  ),
  section(
    { dist: z.literal('beta'), alpha: positiveParameter('a shape'), beta: positiveParameter('a shape'), ...provenanceKeys() },
    'a beta distribution: { dist: beta, alpha, beta }',
  ),
  section(
    {
      dist: z.literal('discrete'),
      values: z
        .array(parameter(), { error: expecting('a list of numbers', 'list') })
        .min(1, { error: () => 'expected at least one value' }),
      weights: z
        .array(plainNumber({ min: 0, max: Infinity, expected: 'a weight, 0 or more' }), { error: expecting('a list of weights', 'list') })
        .optional(),
      ...provenanceKeys(),
    },
    'a discrete distribution: { dist: discrete, values, weights }',
  ),
] as const;

function distributionNameError(issue: { input?: unknown }): string {
  const name = (issue.input as { dist?: unknown } | undefined)?.dist;
  const expected = `expected one of: ${DISTRIBUTION_NAMES.join(', ')}`;
  if (name === undefined) return `required key is missing; ${expected}`;
  return `${expected}, got ${showValue(name)}${typeof name === 'string' ? didYouMean(name, DISTRIBUTION_NAMES) : ''}`;
}

type Context = z.RefinementCtx;

function addIssue(context: Context, path: PropertyKey[], message: string): void {
  context.addIssue({ code: 'custom', path, message, input: undefined });
}

/** min < max, min <= mode <= max and the like: the checks a shape of parameters cannot express. */
function checkParameters(d: Distribution, context: Context): boolean {
  let ok = true;
  const fail = (path: string, message: string) => {
    addIssue(context, [path], message);
    ok = false;
  };
  switch (d.dist) {
    case 'uniform':
    case 'triangular':
    case 'pert':
      if (!(d.max > d.min)) fail('max', `expected max above min (${d.min}), got ${d.max}`);
      else if (d.dist !== 'uniform' && !(d.mode >= d.min && d.mode <= d.max))
        fail('mode', `expected mode between min (${d.min}) and max (${d.max}), got ${d.mode}`);
      break;
    case 'normal':
      if (d.min !== undefined && d.max !== undefined && !(d.max > d.min)) fail('max', `expected max above min (${d.min}), got ${d.max}`);
      else if (d.min !== undefined && d.mean < d.min) fail('mean', `expected mean at or above min (${d.min}), got ${d.mean}`);
      else if (d.max !== undefined && d.mean > d.max) fail('mean', `expected mean at or below max (${d.max}), got ${d.mean}`);
      break;
    case 'lognormal':
      if (!(d.high > d.low)) fail('high', `expected high above low (${d.low}), got ${d.high}`);
      break;
    case 'discrete':
      if (d.weights !== undefined) {
        if (d.weights.length !== d.values.length)
          fail('weights', `expected ${d.values.length} weights, one for each value, got ${d.weights.length}`);
        else if (!(d.weights.reduce((a, b) => a + b, 0) > 0)) fail('weights', 'expected weights that add up to more than 0');
      }
      break;
    case 'fixed':
    case 'beta':
      break;
  }
  return ok;
}

/** How to keep a distribution inside the key's range, for the message when it can leave it. */
function keepInside(d: Distribution, side: 'min' | 'max', bound: number): string {
  switch (d.dist) {
    case 'normal':
      return `truncate it with ${side}: ${bound}${bound === 1 && side === 'max' ? ' or use pert or beta' : ''}`;
    case 'lognormal':
      return 'use pert, triangular or uniform, which stay between their min and max';
    case 'discrete':
      return `remove the values ${side === 'max' ? 'above' : 'below'} ${bound}`;
    case 'beta':
      return 'use pert, triangular or uniform with a narrower min and max';
    default:
      return `set its ${side} to ${bound} or ${side === 'max' ? 'less' : 'more'}`;
  }
}

/**
 * A distribution whose draws could fall outside the key's range is a mistake in the file. (A
 * sanity limit is not a range: limited keys have an unbounded `max`, and a tail past the limit
 * is drawn truncated; see quantity.)
 */
function checkSupport(d: Distribution, range: Range, context: Context): void {
  const [lowest, highest] = support(d);
  const openAtZero = d.dist === 'lognormal' && range.min === 0;
  const tooLow = range.minExclusive ? lowest <= range.min && !openAtZero : lowest < range.min;
  if (tooLow) {
    const below = range.minExclusive ? `${range.min} or below` : `below ${range.min}`;
    addIssue(context, [], `can give values ${below}; expected ${range.expected} — ${keepInside(d, 'min', range.min)}`);
  }
  if (highest > range.max)
    addIssue(context, [], `can give values above ${range.max}; expected ${range.expected} — ${keepInside(d, 'max', range.max)}`);
}

/** A distribution object, its parameters checked and its draws kept inside `range`. */
function distribution(range: Range) {
  return z.discriminatedUnion('dist', DISTRIBUTION_OPTIONS, { error: distributionNameError }).superRefine((value, issues) => {
    const d = withoutExtraKeys(value);
    if (checkParameters(d, issues)) checkSupport(d, range, issues);
  });
}

/** The distribution itself, from the parsed object (which may carry unknown keys already reported). */
function withoutExtraKeys(value: Record<string, unknown>): Distribution {
  const keys = ['dist', 'value', 'min', 'mode', 'max', 'mean', 'sd', 'low', 'high', 'alpha', 'beta', 'values', 'weights'];
  return Object.fromEntries(Object.entries(value).filter(([key, v]) => keys.includes(key) && v !== undefined)) as unknown as Distribution;
}

// ---------------------------------------------------------------------------------------------
// Quantities: a number, a distribution or a formula (sections 10 and 11), each may carry provenance (19)

/** What a value of the key must be, its sanity limit included: "an amount in pounds, 0 or more, at most 1,000,000,000". */
function expectedWithin(input: Range & { limit?: number }): string {
  const limit = input.limit;
  if (limit === undefined) return input.expected;
  // "a number of weeks between 0 and 520" already says it.
  return input.expected.includes(String(limit)) ? input.expected : `${input.expected}, at most ${limit.toLocaleString('en-GB')}`;
}

function formula(range: Range & { limit?: number }) {
  return z.string().transform((source, issues): Quantity => {
    if (looksLikeMisspeltNumber(source)) {
      issues.addIssue({ code: 'custom', message: `expected ${range.expected}, got ${showValue(source)}${hint(source, 'number')}` });
      return z.NEVER;
    }
    const context = activeContext();
    const compiled = compileFormula(source, [...context.variables.keys()]);
    if (!compiled.ok) {
      issues.addIssue({ code: 'custom', message: compiled.error.message, params: { [FORMULA_OFFSET]: compiled.error.offset } });
      return z.NEVER;
    }
    const central: Record<string, number> = {};
    for (const name of compiled.formula.variables) {
      const value = context.variables.get(name);
      if (value === undefined) return { kind: 'formula', formula: compiled.formula };
      central[name] = value;
    }
    const value = compiled.formula.evaluate(central);
    const inside =
      value >= range.min && value <= Math.min(range.max, range.limit ?? Infinity) && !(range.minExclusive && value === range.min);
    if (!Number.isFinite(value) || !inside) {
      issues.addIssue({
        code: 'custom',
        message: `the formula gives ${Number.isFinite(value) ? tidy(value) : showValue(value)} at the variables' central values; expected ${expectedWithin(range)}`,
      });
      return z.NEVER;
    }
    return { kind: 'formula', formula: compiled.formula };
  });
}

/**
 * An input that may be a number, a formula, a distribution (with `source:` and `status:` beside
 * `dist:`) or `{ value: number or formula, source, status }`, with its range from the catalogue.
 * Provenance is read from the file by load.ts; the schema checks its keys.
 */
function quantityOf(input: InputPath) {
  const number = plainNumber(input).transform((value): Quantity => ({ kind: 'number', value }));
  const schema = z.union(
    [
      number,
      formula(input),
      onlyWhen((value) => !writtenWithValue(value)).pipe(
        distribution(input).transform((d): Quantity => ({ kind: 'distribution', distribution: withoutExtraKeys(d) })),
      ),
      onlyWhen(writtenWithValue).pipe(
        section(
          { value: z.union([number, formula(input)], { error: expecting(input.expected, 'number') }), ...provenanceKeys() },
          'a value with its source: { value, source, status }',
        ).transform((sourced): Quantity => sourced.value),
      ),
    ],
    { error: expecting(input.expected, 'number') },
  );
  const limit = input.limit;
  if (limit === undefined) return schema;
  // Beyond reason, and sums of such values overflow: refused here rather than shown as infinity.
  const atMost = `expected ${expectedWithin(input)}`;
  return schema
    .superRefine((quantity, issues) => {
      if (quantity.kind === 'number' && quantity.value > limit)
        issues.addIssue({ code: 'custom', message: `${atMost}, got ${showValue(quantity.value)}` });
      if (quantity.kind !== 'distribution') return;
      // Its parameters in the key's units (not alpha, beta or weights) must be within the limit;
      // only a tail may pass it (a lognormal's or an open normal's support is unbounded).
      const d = quantity.distribution as unknown as Record<string, unknown>;
      for (const key of ['value', 'min', 'mode', 'max', 'mean', 'sd', 'low', 'high', 'values']) {
        const largest = Math.max(...[d[key]].flat().filter((x): x is number => typeof x === 'number'));
        if (largest > limit) issues.addIssue({ code: 'custom', message: `${atMost}; its ${key} is ${showValue(largest)}` });
      }
    })
    .transform((quantity): Quantity => {
      // A tail past the sanity limit is drawn truncated at it (section 10).
      if (quantity.kind !== 'distribution' || untruncatedSupport(quantity.distribution)[1] <= limit) return quantity;
      return { kind: 'distribution', distribution: { ...quantity.distribution, upper: limit } };
    });
}

/** An input of the catalogue by its path. */
function quantity(path: string) {
  const input: InputPath | undefined = INPUT_BY_PATH.get(path);
  if (input === undefined) throw new Error(`no input path ${path} in catalogue.ts`);
  return quantityOf(input);
}

/** A required input, or an optional one when the catalogue gives it a default or lets it be left out. */
function input(path: string) {
  const schema = quantity(path);
  const known = INPUT_BY_PATH.get(path);
  return known?.defaultValue === undefined && known?.optional !== true ? schema : schema.optional();
}

/**
 * The catalogue's inputs directly under `prefix` (not deeper), by key: the numeric keys of a
 * section. inputsUnder('contract') -> { annual_value: ... }
 */
function inputsUnder(prefix: string) {
  return Object.fromEntries(
    INPUTS.filter((p) => p.path.startsWith(`${prefix}.`) && !p.path.slice(prefix.length + 1).includes('.')).map((p) => [
      p.path.slice(prefix.length + 1),
      input(p.path),
    ]),
  );
}

// ---------------------------------------------------------------------------------------------
// Sections

/** The longest base term a file may give: longer is beyond any real contract, and slow to run. */
const MAX_BASE_TERM_YEARS = 20;

/** The ISO date `years` later. laterBy('2025-01-03', 20) -> '2045-01-03' */
function laterBy(isoDate: string, years: number): string {
  return `${String(Number(isoDate.slice(0, 4)) + years).padStart(4, '0')}${isoDate.slice(4)}`;
}

function contract() {
  const years = (expected: string) => plainNumber({ min: 0, max: 10, expected }, { integer: true });
  return section(
    {
      start: date(),
      base_end: date(),
      ...inputsUnder('contract'),
      price: oneOf(['real', 'cash']).optional(),
      extensions: section(
        {
          max_years: years('a whole number of years from 0 to 10').optional(),
          ...inputsUnder('contract.extensions'),
          take: years('a whole number of years from 0 to max_years').optional(),
        },
        'a mapping with max_years, annual_uplift and take',
      ).optional(),
    },
    'a mapping with start, base_end and annual_value',
  ).superRefine((value, issues) => {
    if (value.base_end < value.start) {
      addIssue(issues, ['base_end'], `expected a date on or after contract.start (${value.start}), got ${value.base_end}`);
    } else if (value.base_end > laterBy(value.start, MAX_BASE_TERM_YEARS)) {
      addIssue(
        issues,
        ['base_end'],
        `expected a date at most ${MAX_BASE_TERM_YEARS} years after contract.start (${value.start}), got ${value.base_end}`,
      );
    }
    const maxYears = value.extensions?.max_years ?? 0;
    const take = value.extensions?.take;
    if (take !== undefined && take > maxYears) {
      addIssue(issues, ['extensions', 'take'], `expected a whole number of years from 0 to max_years (${maxYears}), got ${take}`);
    }
  });
}

/** One funding.schedule entry (section 16): its dates, its share, and provenance for the share. */
function scheduleEntry() {
  return section(
    { from: date(), to: date().optional(), external_share: quantityOf(SCHEDULE_SHARE), ...provenanceKeys() },
    'a schedule entry: { from, to, external_share }',
  ).refine((entry) => entry.to === undefined || entry.to >= entry.from, {
    path: ['to'],
    error: (issue) => {
      const entry = issue.input as { from: string; to: string };
      return `expected a date on or after from (${entry.from}), got ${entry.to}`;
    },
    // Checked whenever both dates are valid, even when the share has a mistake of its own.
    when: (payload) => {
      const entry = payload.value as { from?: unknown; to?: unknown };
      return typeof entry.from === 'string' && typeof entry.to === 'string' && isCalendarDate(entry.from) && isCalendarDate(entry.to);
    },
  });
}

function funding() {
  return section(
    {
      ...inputsUnder('funding'),
      external_share_by_year: z
        .record(financialYear(), plainNumber({ min: 0, max: 1, expected: PROBABILITY }), {
          error: expecting('a mapping of financial years to shares, like { "2027/28": 0 }', 'mapping'),
        })
        .optional(),
      schedule: z
        .array(scheduleEntry(), { error: expecting('a list of schedule entries: { from, to, external_share }', 'list') })
        .optional(),
      if_grant_falls: oneOf(['councils_pay', 'contract_ends']).optional(),
    },
    'a mapping with external_share, schedule and if_grant_falls',
  ).superRefine((value, issues) => {
    if (value.schedule !== undefined && value.external_share_by_year !== undefined) {
      issues.addIssue({
        code: 'custom',
        path: ['schedule'],
        message: 'funding.schedule cannot be used with funding.external_share_by_year; give every share by date in the schedule',
        input: undefined,
        params: { [AT_KEY]: true },
      });
    }
  });
}

/**
 * A council's share: a plain number, or `{ value: number, source, status }`. A distribution is
 * refused: the councils' shares must add up to 1 in every draw.
 */
function councilShare() {
  const share = plainNumber(COUNCIL_SHARE);
  return z.union(
    [
      share,
      onlyWhen(writtenWithValue).pipe(
        section({ value: share, ...provenanceKeys() }, 'a share with its source: { value, source, status }').transform(
          (sourced) => sourced.value,
        ),
      ),
      onlyWhen((value) => isMapping(value) && 'dist' in value).pipe(
        z.custom<number>(() => false, {
          error: () => 'council shares are fixed numbers; write a plain number such as 0.35, not a distribution',
        }),
      ),
    ],
    { error: expecting(COUNCIL_SHARE.expected, 'number') },
  );
}

function councils() {
  const share = councilShare();
  const council = section(
    {
      name: limitedText('a council name', MAX_NAME_LENGTH)
        .trim()
        .min(1, { error: () => 'expected a council name, got empty text' }),
      label: localText('the council name as a reader sees it', MAX_NAME_LENGTH, { required: true }).optional(),
      children_share: share,
      match_share: share,
    },
    'a council: { name, label, children_share, match_share }',
  );
  return z
    .array(council, { error: expecting('a list of councils', 'list') })
    .superRefine((list, issues) => {
      const seen = new Set<string>();
      list.forEach((item, index) => {
        if (seen.has(item.name))
          addIssue(issues, [index, 'name'], `the council name "${item.name}" is used twice; each council needs its own name`);
        seen.add(item.name);
      });
      if (list.length === 0) return;
      for (const key of ['children_share', 'match_share'] as const) {
        const sum = list.reduce((total, item) => total + item[key], 0);
        if (Math.abs(sum - 1) > 1e-6) addIssue(issues, [], `the ${key} values add up to ${tidy(sum)}; they must add up to 1`);
      }
    })
    .optional();
}

function capacity() {
  return section(
    {
      starts_per_year: quantity('service.capacity.starts_per_year').optional(),
      caseload: quantity('service.capacity.caseload').optional(),
      months_per_child: quantity('service.capacity.months_per_child').optional(),
    },
    'either { starts_per_year } or { caseload, months_per_child }',
  ).superRefine((value, issues) => {
    const startsForm = value.starts_per_year !== undefined;
    const caseloadForm = value.caseload !== undefined || value.months_per_child !== undefined;
    if (startsForm && caseloadForm) {
      addIssue(issues, [], 'give either starts_per_year, or caseload with months_per_child, not both');
    } else if (!startsForm && !caseloadForm) {
      addIssue(issues, [], 'expected either starts_per_year, or caseload with months_per_child');
    } else if (caseloadForm) {
      if (value.caseload === undefined)
        addIssue(issues, ['caseload'], 'required key is missing (months_per_child is given); expected a number of children, 0 or more');
      if (value.months_per_child === undefined)
        addIssue(issues, ['months_per_child'], 'required key is missing (caseload is given); expected a number of months, more than 0');
    }
  });
}

function service() {
  return section(
    {
      ...inputsUnder('service'),
      capacity: capacity(),
      max_wait_months: plainNumber(
        { min: 0, max: Infinity, expected: 'a whole number of months, 0 or more (a plain number)' },
        { integer: true },
      ).optional(),
    },
    'a mapping with referrals_per_year and capacity',
  );
}

function outcomes() {
  return section(
    inputsUnder('outcomes'),
    'a mapping with breakdown_risk, effectiveness, residential_escalation, residential_weeks and residential_weekly_cost',
  );
}

function finance() {
  return section(
    { ...inputsUnder('finance'), price_base: financialYear().optional(), discount_base_year: financialYear().optional() },
    'a mapping of finance settings',
  ).optional();
}

/** Paths a correlation may name: every input path, the file's schedule and council shares, and every declared variable. */
function correlatablePaths(context: SchemaContext): string[] {
  return [...INPUTS.map((p) => p.path), ...context.listPaths, ...[...context.variables.keys()].map((name) => `variables.${name}`)];
}

function correlationPath() {
  return text('the path of an uncertain input, like outcomes.effectiveness').superRefine((path, issues) => {
    const context = activeContext();
    if (context.distributionPaths.has(path)) return;
    const known = correlatablePaths(context);
    const message = known.includes(path)
      ? `\`${path}\` is not uncertain; only inputs written as distributions can be correlated`
      : `unknown input \`${path}\`${didYouMean(path, known)}`;
    addIssue(issues, [], message);
  });
}

function correlations() {
  const rank = plainNumber({ min: -1, max: 1, expected: 'a rank correlation between -1 and 1' });
  const correlation = section(
    {
      between: z.tuple([correlationPath(), correlationPath()], { error: expecting('a list of two input paths', 'list') }),
      rank,
    },
    'a correlation: { between: [path, path], rank }',
  );
  return z
    .array(correlation, { error: expecting('a list of correlations', 'list') })
    .superRefine((list, issues) => {
      const pairs = new Set<string>();
      let ok = true;
      list.forEach(({ between: [first, second], rank: r }, index) => {
        const pair = [first, second].sort().join(' ');
        if (first === second) addIssue(issues, [index, 'between'], `an input cannot be correlated with itself (${first})`);
        else if (pairs.has(pair)) addIssue(issues, [index, 'between'], `${first} and ${second} are correlated twice`);
        else if (Math.abs(r) === 1)
          addIssue(
            issues,
            [index, 'rank'],
            `a rank correlation of ${r} makes two inputs move in lock-step; write one as a formula of the other, or use ${r * 0.99}`,
          );
        else {
          pairs.add(pair);
          return;
        }
        ok = false;
      });
      if (ok) {
        const { paths, matrix } = correlationMatrix(list.map((c) => ({ between: c.between, rank: c.rank })));
        for (const problem of correlationMatrixProblems(matrix, paths)) addIssue(issues, [], `${problem}; weaken some of them`);
      }
    })
    .optional();
}

function monteCarlo() {
  const seedError = expecting('a whole number or a word', 'number');
  return section(
    {
      iterations: plainNumber(
        { min: 0, max: 10_000_000, expected: 'a whole number of iterations from 0 to 10,000,000' },
        { integer: true },
      ).optional(),
      seed: z
        .union([z.int({ error: seedError }), z.string({ error: seedError }).min(1, { error: seedError })], { error: seedError })
        .optional(),
      process_variability: z.boolean({ error: expecting('true or false', 'boolean') }).optional(),
      sampling: z.enum(['random', 'latin_hypercube'], { error: expecting('one of: random, latin_hypercube', 'text') }).optional(),
      correlations: correlations(),
    },
    'a mapping with iterations, seed, process_variability, sampling and correlations',
  ).optional();
}

/** At most this many valid paths are listed when decision.map names an unknown one. */
const LISTED_PATHS = 6;

function mapPath() {
  return text('the path of an input, like outcomes.effectiveness').superRefine((path, issues) => {
    const context = activeContext();
    if (context.inputPaths.includes(path)) return;
    const suggestion = didYouMean(path, context.inputPaths);
    if (suggestion !== '') {
      addIssue(issues, [], `unknown input \`${path}\`${suggestion}`);
      return;
    }
    // Uncertain inputs first: they are the ones a map is for.
    const listed = [
      ...context.inputPaths.filter((p) => context.distributionPaths.has(p)),
      ...context.inputPaths.filter((p) => !context.distributionPaths.has(p)),
    ];
    const more = listed.length > LISTED_PATHS ? `, and ${listed.length - LISTED_PATHS} more` : '';
    addIssue(issues, [], `unknown input \`${path}\`; inputs of this scenario include: ${listed.slice(0, LISTED_PATHS).join(', ')}${more}`);
  });
}

/** The top-level `decision:` (section 18): the headline perspective and the decision map's two inputs. */
function decision() {
  const perspective = text('region or the name of a council').superRefine((name, issues) => {
    const councils = activeContext().councilNames;
    if (name === 'region' || councils.includes(name)) return;
    const expected =
      councils.length === 0 ? 'expected region (the scenario has no councils)' : `expected region or a council: ${councils.join(', ')}`;
    addIssue(issues, [], `unknown perspective ${showValue(name)}; ${expected}${didYouMean(name, ['region', ...councils])}`);
  });
  return section(
    {
      perspective: perspective.optional(),
      map: z
        .tuple([mapPath(), mapPath()], {
          error: expecting('a list of two input paths, like [outcomes.effectiveness, outcomes.residential_weeks]', 'list'),
        })
        .superRefine(([first, second], issues) => {
          if (first === second) addIssue(issues, [1], `the map needs two different inputs; both are ${first}`);
        })
        .optional(),
    },
    'a mapping with perspective and map',
  ).optional();
}

function monitoring() {
  const count = plainNumber({ min: 0, max: Infinity, expected: 'a count: a whole number, 0 or more' }, { integer: true }).optional();
  const period = section(
    { from: date(), to: date(), referrals: count, starts: count, followed_up: count, breakdowns: count, residential_entries: count },
    'a monitoring period: { from, to, referrals, starts, followed_up, breakdowns, residential_entries }',
  ).superRefine((value, issues) => {
    if (value.to < value.from) addIssue(issues, ['to'], `expected a date on or after from (${value.from}), got ${value.to}`);
    if (value.breakdowns !== undefined && value.followed_up !== undefined && value.breakdowns > value.followed_up) {
      addIssue(issues, ['breakdowns'], `expected at most followed_up (${value.followed_up}), got ${value.breakdowns}`);
    }
    if (value.residential_entries !== undefined && value.breakdowns !== undefined && value.residential_entries > value.breakdowns) {
      addIssue(issues, ['residential_entries'], `expected at most breakdowns (${value.breakdowns}), got ${value.residential_entries}`);
    }
  });
  const periods = z.array(period, { error: expecting('a list of monitoring periods', 'list') });
  // Section 19: `{ illustrative: true, periods: [...] }` flags counts made up for illustration.
  const flagged = section(
    { illustrative: z.boolean({ error: expecting('true or false', 'boolean') }).optional(), periods },
    'a mapping with illustrative and periods',
  );
  return z.union([periods, flagged], { error: expecting('a list of monitoring periods, or { illustrative, periods }', 'list') }).optional();
}

function variableName() {
  return z.string().superRefine((name, issues) => {
    if (!IDENTIFIER.test(name)) {
      addIssue(issues, [], `expected a variable name made of letters, digits and _, starting with a letter, got ${showValue(name)}`);
    } else if (isReservedName(name)) {
      addIssue(issues, [], `\`${name}\` is the name of a mathjs function or constant; choose another variable name`);
    }
  });
}

/** One variable: a number or a distribution, never a formula (section 11), with provenance (section 19). */
function variableValue() {
  const number = z.number({ error: expecting('a number', 'number') }).transform((value): Quantity => ({ kind: 'number', value }));
  return z.union(
    [
      number,
      onlyWhen((value) => !writtenWithValue(value)).pipe(
        distribution(ANY_NUMBER).transform((d): Quantity => ({ kind: 'distribution', distribution: withoutExtraKeys(d) })),
      ),
      onlyWhen(writtenWithValue).pipe(
        section(
          { value: z.number({ error: expecting('a number (variables cannot be formulas)', 'number') }), ...provenanceKeys() },
          'a value with its source: { value, source, status }',
        ).transform((sourced): Quantity => ({ kind: 'number', value: sourced.value })),
      ),
    ],
    { error: expecting('a number or a distribution (variables cannot be formulas)', 'number') },
  );
}

/** One variable's value on its own; load.ts reads each first to build the SchemaContext. */
export const VARIABLE_VALUE_SCHEMA = variableValue();

function variablesSchema() {
  return z.record(variableName(), VARIABLE_VALUE_SCHEMA, {
    error: expecting('a mapping of variable names to numbers or distributions', 'mapping'),
  });
}

let active: SchemaContext | undefined;

function activeContext(): SchemaContext {
  if (active === undefined) throw new Error('scenario schema used outside validateScenario');
  return active;
}

/** The whole scenario file. */
function scenarioSchema() {
  return section(
    {
      name: localText('a name for the scenario', MAX_NAME_LENGTH, { required: true }),
      description: localText('text describing the scenario', MAX_TEXT_LENGTH).optional(),
      sources: z
        .array(localText('the name of a source', MAX_TEXT_LENGTH), { error: expecting('a list of sources', 'list') })
        .max(100, { error: 'expected at most 100 sources' })
        .optional(),
      contract: contract(),
      funding: funding().optional(),
      councils: councils(),
      service: service(),
      outcomes: outcomes(),
      finance: finance(),
      monte_carlo: monteCarlo(),
      monitoring: monitoring(),
      variables: variablesSchema().optional(),
      decision: decision(),
    },
    'a scenario: a mapping with name, contract, service and outcomes',
  );
}

export type ParsedScenario = z.output<ReturnType<typeof scenarioSchema>>;

let schema: ReturnType<typeof scenarioSchema> | undefined;

/** Validates a scenario file's plain value against the schema, for one file's context. */
export function validateScenario(value: unknown, context: SchemaContext): ReturnType<ReturnType<typeof scenarioSchema>['safeParse']> {
  schema ??= scenarioSchema();
  active = context;
  try {
    return schema.safeParse(value, { reportInput: true });
  } finally {
    active = undefined;
  }
}
