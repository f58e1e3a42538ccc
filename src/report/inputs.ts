/**
 * A scenario's assumptions in words: each input's label, its value or distribution as a person
 * would say it ("between £4,500 and £8,000, most often near £5,631"), the source comment written
 * beside it in the file, its `source` and `status` (section 19) and any truncation of its draws.
 */
import type { Distribution } from '../model/distribution';
import { quantile } from '../model/random/quantile';
import type { TruncatedInput } from '../model/results';
import { centralValues } from '../scenario/inputs';
import { inputRow, INPUTS, type InputUnit } from '../scenario/catalogue';
import type { LocalText, Quantity, Scenario } from '../scenario/types';
import { formatMoney, formatMonth, formatNumber, formatPercent } from './format';
import { localText } from './localText';
import { t, type MessageKey } from './messages';

/** How an input's values read (the catalogue's `unit` column). */
export type { InputUnit };

const SCHEDULE_SHARE = /^funding\.schedule\.(\d+)\.external_share$/;
const COUNCIL_SHARE = /^councils\.(\d+)\.(match_share|children_share)$/;

/** The unit of an input path (its catalogue row's); variables (named by the scenario's author) are plain numbers. */
export function unitOf(path: string): InputUnit {
  if (SCHEDULE_SHARE.test(path) || COUNCIL_SHARE.test(path)) return 'percent';
  return inputRow(path)?.unit ?? 'number';
}

/** A council's name as a reader sees it (its label in the language in force), or undefined for no council. */
function councilLabel(council: { name: string; label?: LocalText } | undefined): string | undefined {
  if (council === undefined) return undefined;
  return council.label === undefined ? council.name : localText(council.label);
}

const localTextOrEmpty = (text: LocalText | undefined): string => (text === undefined ? '' : localText(text));

/**
 * The label of an input path for people: its catalogue row's, or a variable's name in words.
 * @example inputLabel('outcomes.effectiveness') // "Share of those breakdowns the service prevents"
 * @example inputLabel('variables.bridgend_share_of_region') // "Bridgend share of region"
 */
export function inputLabel(
  path: string,
  councils: readonly { name: string; label?: LocalText }[] = [],
  schedule: readonly { from: string; to?: string }[] = [],
): string {
  const row = inputRow(path);
  // Every row's label is a key of the message catalogue (test/scenario/catalogue.test.ts).
  if (row !== undefined) return t(row.label as MessageKey);
  const entry = SCHEDULE_SHARE.exec(path);
  if (entry !== null) {
    const dates = schedule[Number(entry[1])];
    if (dates === undefined) return t('input.funding.schedule', { entry: Number(entry[1]) + 1 });
    const from = formatMonth(dates.from.slice(0, 7));
    return dates.to === undefined
      ? t('input.funding.scheduleFrom', { from })
      : t('input.funding.scheduleRange', { from, to: formatMonth(dates.to.slice(0, 7)) });
  }
  const council = COUNCIL_SHARE.exec(path);
  if (council !== null) {
    const index = Number(council[1]);
    return t(`input.councils.${council[2] as 'match_share' | 'children_share'}`, {
      council: councilLabel(councils[index]) ?? String(index + 1),
    });
  }
  const name = path.startsWith('variables.') ? path.slice('variables.'.length) : path;
  const words = name.replace(/[_.]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Up to three significant figures (one decimal from 100 up), for numbers without a unit. */
function plainNumber(value: number): string {
  const rounded = Math.abs(value) >= 100 ? Math.round(value * 10) / 10 : Number(value.toPrecision(3));
  const decimals = Math.min(3, (String(rounded).split('.')[1] ?? '').length);
  return formatNumber(rounded, decimals);
}

/**
 * One value of an input, in its unit.
 * @example valueInWords(5631, 'money') // "£5,631"
 * @example valueInWords(0.25, 'percent') // "25%"
 * @example valueInWords(52, 'weeks') // "52 weeks"
 */
export function valueInWords(value: number, unit: InputUnit): string {
  switch (unit) {
    case 'money':
      return formatMoney(value);
    case 'percent':
      return formatPercent(value, 1);
    case 'count':
      return formatNumber(value, Number.isInteger(value) ? 0 : 1);
    case 'weeks':
      return t('unit.weeks', { value: plainNumber(value) });
    case 'months':
      return t('unit.months', { value: plainNumber(value) });
    case 'number':
      return plainNumber(value);
  }
}

/**
 * A distribution in words, for someone who is not a statistician.
 * @example distributionInWords({ dist: 'pert', min: 4500, mode: 5631, max: 8000 }, 'money')
 *   // "between £4,500 and £8,000, most often near £5,631"
 */
export function distributionInWords(distribution: Distribution, unit: InputUnit): string {
  const v = (value: number): string => valueInWords(value, unit);
  switch (distribution.dist) {
    case 'fixed':
      return v(distribution.value);
    case 'uniform':
      return t('dist.uniform', { min: v(distribution.min), max: v(distribution.max) });
    case 'triangular':
    case 'pert':
      return t('dist.mode', { min: v(distribution.min), max: v(distribution.max), mode: v(distribution.mode) });
    case 'normal': {
      const sd = unit === 'percent' ? formatPercent(distribution.sd, 1) : v(distribution.sd);
      const about = t('dist.normal', { mean: v(distribution.mean), sd });
      if (distribution.min !== undefined && distribution.max !== undefined) {
        return t('dist.keptBetween', { text: about, min: v(distribution.min), max: v(distribution.max) });
      }
      if (distribution.min !== undefined) return t('dist.keptAbove', { text: about, min: v(distribution.min) });
      if (distribution.max !== undefined) return t('dist.keptBelow', { text: about, max: v(distribution.max) });
      return about;
    }
    case 'lognormal':
      return t('dist.lognormal', {
        low: v(distribution.low),
        high: v(distribution.high),
        median: v(Math.sqrt(distribution.low * distribution.high)),
      });
    case 'beta':
      return t('dist.beta', {
        mean: v(distribution.alpha / (distribution.alpha + distribution.beta)),
        low: v(quantile(distribution, 0.05)),
        high: v(quantile(distribution, 0.95)),
      });
    case 'discrete': {
      const values = distribution.values.map(v);
      const list = listInWords(values, t('list.or'));
      const weights = distribution.weights;
      if (weights === undefined || weights.every((w) => w === weights[0])) return t('dist.discrete', { values: list });
      const total = weights.reduce((a, b) => a + b, 0);
      const chances = distribution.values.map((value, i) =>
        t('dist.discreteChance', { value: v(value), chance: formatPercent(weights[i]! / total, 0) }),
      );
      return t('dist.discrete', { values: listInWords(chances, t('list.or')) });
    }
  }
}

/**
 * Items joined as a person writes them.
 * @example listInWords(['a', 'b', 'c'], 'and') // "a, b and c"
 */
export function listInWords(items: readonly string[], conjunction: string): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** A quantity in words; formulas show their text and their value at the central values. */
export function quantityInWords(quantity: Quantity, unit: InputUnit, centralValue: number | undefined): string {
  if (quantity.kind === 'number') return valueInWords(quantity.value, unit);
  if (quantity.kind === 'distribution') return distributionInWords(quantity.distribution, unit);
  return t('dist.formula', {
    formula: quantity.formula.source,
    value: centralValue === undefined ? '?' : valueInWords(centralValue, unit),
  });
}

/**
 * The comment written on a line of the file, after `#` (outside quotes), trimmed; '' if none.
 * @example trailingComment('cost: 5631   # published') // "published"
 */
export function trailingComment(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote !== null) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) {
      return line.slice(i + 1).trim();
    }
  }
  return '';
}

/**
 * The source note for the key written at `line` (1-based): its trailing comment, or the
 * whole-line comments directly above it.
 */
export function sourceNoteAt(text: string, line: number): string {
  const lines = text.split(/\r?\n/);
  const own = trailingComment(lines[line - 1] ?? '');
  if (own !== '') return own;
  const above: string[] = [];
  for (let i = line - 2; i >= 0; i--) {
    const match = /^\s*#\s?(.*)$/.exec(lines[i]!);
    if (match === null) break;
    above.unshift(match[1]!.trim());
  }
  return above.join(' ');
}

export interface Assumption {
  path: string;
  label: string;
  /** The value or distribution in words. */
  text: string;
  /** The value the deterministic run uses, in words. */
  centralText: string;
  uncertain: boolean;
  /** The comment beside it in the file ('' when none). */
  source: string;
  /** Line in the file (0 when it was left out and a default applies). */
  line: number;
  /** The `source:` given with the input (section 19), '' when none. */
  provenanceSource: string;
  /** Its status in words ("published", "local data", "estimate", "assumption"); no status counts as an assumption. */
  status: string;
  /** How its draws were cut at a sanity limit, '' when they were not. */
  truncation: string;
}

/** An input's status in words; no status counts as an assumption (section 19). */
export function statusOf(scenario: Pick<Scenario, 'provenance'>, path: string): string {
  return t(`provenance.status.${scenario.provenance?.[path]?.status ?? 'assumption'}` as MessageKey);
}

/** Whether an input counts as an assumption (its status is `assumption`, or it has none). */
export function isAssumption(scenario: Pick<Scenario, 'provenance'>, path: string): boolean {
  const status = scenario.provenance?.[path]?.status;
  return status === undefined || status === 'assumption';
}

/** The truncation note of an input, '' when its draws were not cut. */
function truncationWords(path: string, truncations: readonly TruncatedInput[]): string {
  const cut = truncations.find((c) => c.input === path);
  if (cut === undefined) return '';
  const limit = valueInWords(cut.limit, unitOf(path));
  const chance = cut.probabilityBeyond < 0.0001 ? formatPercent(cut.probabilityBeyond, 6) : formatPercent(cut.probabilityBeyond, 2);
  return t('truncation.note', { limit, chance });
}

/**
 * Every variable and input of the scenario, in the file's order of sections, in words.
 * Inputs left out of the file show their default value, with no line.
 */
export function assumptionsOf(scenario: Scenario, truncations: readonly TruncatedInput[] = []): Assumption[] {
  const central = centralValues(scenario);
  const known = new Set(INPUTS.map(({ path }) => path));
  const entries: [string, Quantity][] = [
    ...Object.entries(scenario.variables).map(([name, q]) => [`variables.${name}`, q] as [string, Quantity]),
    ...INPUTS.filter(({ path }) => path in scenario.quantities).map(({ path }) => [path, scenario.quantities[path]!] as [string, Quantity]),
    // Schedule shares (section 16) are inputs too; councils' shares have their own table.
    ...Object.entries(scenario.quantities).filter(([path]) => !known.has(path) && SCHEDULE_SHARE.test(path)),
  ];
  return entries.map(([path, quantity]) => {
    const unit = unitOf(path);
    const line = scenario.positions[path]?.line ?? 0;
    const centralValue = central[path];
    return {
      path,
      label: inputLabel(path, scenario.councils, scenario.fundingSchedule),
      text: quantityInWords(quantity, unit, centralValue),
      centralText: centralValue === undefined ? '' : valueInWords(centralValue, unit),
      uncertain: quantity.kind === 'distribution' && quantity.distribution.dist !== 'fixed',
      source: line > 0 ? sourceNoteAt(scenario.text, line) : '',
      line,
      provenanceSource: localTextOrEmpty(scenario.provenance?.[path]?.source),
      status: statusOf(scenario, path),
      truncation: truncationWords(path, truncations),
    };
  });
}
