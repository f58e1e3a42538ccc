/**
 * The "try a change" form: the key inputs a commissioning manager can change (the catalogue's
 * rows with a `form` place, src/scenario/catalogue.ts), and the extension years, turned into
 * `key.path=value` changes. A new value for an uncertain input moves its whole distribution with
 * it (scaled so its central value is the new one), so the run keeps its uncertainty; a formula or
 * a plain number becomes the number given. What a box accepts is its catalogue row's range (and
 * sanity limit) in the unit the box shows, so a new row with a form place needs no change here.
 */
import { centralValue, type Distribution } from '../model/distribution';
import { centralValues } from '../scenario/inputs';
import type { Quantity, Scenario } from '../scenario/types';
import { formatNumber } from '../report/format';
import { inputLabel, unitOf, type InputUnit } from '../report/inputs';
import { t } from '../report/messages';
import { editDistance } from '../scenario/suggest';
import { formRows, inputRow, INPUTS, SCHEDULE_SHARE, type InputPath } from '../scenario/catalogue';

export interface TryField {
  /** Form field name. */
  name: string;
  path: string;
  label: string;
  hint: string;
  unit: InputUnit | 'years';
  /** The current value as the form shows it (percentages as 25, not 0.25). */
  value: string;
  /** Suffix or prefix shown beside the box. */
  prefix?: string;
  suffix?: string;
}

/** What a box accepts, in the unit the box shows (a percentage as 25, not 0.25). */
export interface BoxRange {
  min: number;
  /** Inclusive; Infinity when neither the range nor a sanity limit bounds it. */
  max: number;
  /** True when the value must be strictly above `min`. */
  minExclusive: boolean;
}

/** Six significant figures: enough for the form, short in a link. */
function tidy(value: number): number {
  return Number(value.toPrecision(6));
}

function shown(value: number, unit: InputUnit): string {
  return String(unit === 'percent' ? tidy(value * 100) : tidy(value));
}

/**
 * What a box for a catalogue row (or list item such as SCHEDULE_SHARE) accepts, in the unit the
 * box shows: the row's range, up to its sanity limit where the range has no top (a plain value
 * past the limit is refused when the file is read, so the form says so beside the box).
 * @example boxRange({ min: 0, max: 1 }, 'percent') // { min: 0, max: 100, minExclusive: false }
 */
export function boxRange(row: Pick<InputPath, 'min' | 'max' | 'minExclusive' | 'limit'>, unit: InputUnit): BoxRange {
  const top = Number.isFinite(row.max) ? row.max : (row.limit ?? Infinity);
  const inBox = (value: number): number => (unit === 'percent' && Number.isFinite(value) ? tidy(value * 100) : value);
  return { min: inBox(row.min), max: inBox(top), minExclusive: row.minExclusive === true };
}

/** A bound as the person reads it: grouped digits, as many decimals as it has (up to six). */
function bound(value: number): string {
  const decimals = Math.min(6, (String(value).split('.')[1] ?? '').length);
  return formatNumber(value, decimals);
}

/**
 * Why a number typed in a box is outside what the box accepts, or null when it is inside: a
 * percentage outside its range is asked for again with the range; other units say the bound passed.
 * @example outOfRange(140, { min: 0, max: 100, minExclusive: false }, 'percent', 'Effectiveness')
 *   // "Enter Effectiveness as a percentage from 0 to 100"
 */
export function outOfRange(number: number, range: BoxRange, unit: InputUnit, label: string): string | null {
  const below = range.minExclusive ? number <= range.min : number < range.min;
  const above = number > range.max;
  if (!below && !above) return null;
  const [min, max] = [bound(range.min), Number.isFinite(range.max) ? bound(range.max) : ''];
  if (unit === 'percent' && Number.isFinite(range.max))
    return t(range.minExclusive ? 'try.error.percentAbove' : 'try.error.percentRange', { label, min, max });
  if (below) return t(range.minExclusive ? 'try.error.moreThan' : 'try.error.atLeast', { label, min });
  return t('try.error.atMost', { label, max });
}

/**
 * The form's fields with the scenario's current central values: each catalogue row with a form
 * place that the scenario has (capacity as starts_per_year or caseload, whichever it gives), then
 * the extension years.
 */
export function tryFields(scenario: Scenario): TryField[] {
  const central = centralValues(scenario);
  const fields: TryField[] = formRows()
    .filter(({ path }) => path in scenario.quantities)
    .map(({ form: { name }, path: fieldPath }) => {
      const unit = unitOf(fieldPath);
      const quantity = scenario.quantities[fieldPath]!;
      return {
        name,
        path: fieldPath,
        label: inputLabel(fieldPath),
        hint: t(
          quantity.kind === 'distribution' ? 'try.hint.distribution' : quantity.kind === 'formula' ? 'try.hint.formula' : 'try.hint.number',
        ),
        unit,
        value: shown(central[fieldPath] ?? 0, unit),
        ...(unit === 'money' ? { prefix: '£' } : {}),
        ...(unit === 'percent' ? { suffix: '%' } : {}),
      };
    });
  fields.push({
    name: 'extensionYears',
    path: 'contract.extensions.take',
    label: t('try.extensionYears'),
    hint: t('try.hint.extensionYears', { max: scenario.contract.maxYears }),
    unit: 'years',
    value: String(scenario.contract.take),
  });
  return fields;
}

/**
 * A distribution moved so that its central value is `target`, in YAML flow form; its scaled
 * bounds kept within `range` (the catalogue row's, in the model's units: its range, up to its
 * sanity limit where the range has no top).
 */
export function movedDistribution(
  distribution: Distribution,
  target: number,
  range: Pick<InputPath, 'min' | 'max' | 'limit'>,
): string | null {
  const central = centralValue(distribution);
  if (central === 0 || !Number.isFinite(target / central)) return null;
  const factor = target / central;
  const top = Number.isFinite(range.max) ? range.max : (range.limit ?? Infinity);
  const bounded = (value: number): number => Math.min(top, Math.max(range.min, value));
  const scale = (value: number): number => tidy(bounded(value * factor));
  const t6 = tidy(target);
  switch (distribution.dist) {
    case 'uniform':
      return `{ dist: uniform, min: ${scale(distribution.min)}, max: ${scale(distribution.max)} }`;
    case 'triangular':
    case 'pert':
      return `{ dist: ${distribution.dist}, min: ${Math.min(scale(distribution.min), t6)}, mode: ${t6}, max: ${Math.max(scale(distribution.max), t6)} }`;
    case 'normal': {
      const bounds = [
        distribution.min === undefined ? '' : `, min: ${Math.min(scale(distribution.min), t6)}`,
        distribution.max === undefined ? '' : `, max: ${Math.max(scale(distribution.max), t6)}`,
      ].join('');
      return `{ dist: normal, mean: ${t6}, sd: ${tidy(distribution.sd * Math.abs(factor))}${bounds} }`;
    }
    case 'lognormal':
      return `{ dist: lognormal, low: ${tidy(distribution.low * factor)}, high: ${tidy(distribution.high * factor)} }`;
    case 'discrete':
      return `{ dist: discrete, values: [${distribution.values.map(scale).join(', ')}]${distribution.weights ? `, weights: [${distribution.weights.join(', ')}]` : ''} }`;
    case 'fixed':
    case 'beta':
      return null;
  }
}

/** The YAML value for a new central value of a quantity. */
export function changedValue(quantity: Quantity, target: number, range: Pick<InputPath, 'min' | 'max' | 'limit'>): string {
  if (quantity.kind === 'distribution') return movedDistribution(quantity.distribution, target, range) ?? String(tidy(target));
  return String(tidy(target));
}

export interface TryOutcome {
  changes: string[];
  errors: { field: string; message: string }[];
}

/**
 * The changes a submitted form asks for: one `path=value` per field whose value differs from the
 * scenario's, in the fields' order. Empty fields keep the scenario's value.
 */
export function changesFromForm(scenario: Scenario, form: Readonly<Record<string, unknown>>): TryOutcome {
  const outcome: TryOutcome = { changes: [], errors: [] };
  for (const field of tryFields(scenario)) {
    const raw = typeof form[field.name] === 'string' ? (form[field.name] as string).replace(/[£,%\s]/g, '') : '';
    if (raw === '' || raw === field.value) continue;
    const number = Number(raw);
    if (!Number.isFinite(number) || !/^-?\d*\.?\d+$/.test(raw)) {
      outcome.errors.push({ field: field.name, message: t('try.error.number', { label: field.label }) });
      continue;
    }
    if (field.unit === 'years') {
      if (!Number.isInteger(number) || number < 0 || number > scenario.contract.maxYears) {
        outcome.errors.push({ field: field.name, message: t('try.error.years', { max: scenario.contract.maxYears }) });
        continue;
      }
      outcome.changes.push(`${field.path}=${number}`);
      continue;
    }
    const row = inputRow(field.path)!;
    const problem = outOfRange(number, boxRange(row, row.unit), row.unit, field.label);
    if (problem !== null) {
      outcome.errors.push({ field: field.name, message: problem });
      continue;
    }
    const target = row.unit === 'percent' ? number / 100 : number;
    outcome.changes.push(`${field.path}=${changedValue(scenario.quantities[field.path]!, target, row)}`);
  }
  return outcome;
}

/** The key path of a `path=value` change. */
export function changePath(change: string): string {
  return change.slice(0, Math.max(0, change.indexOf('=')));
}

/** Earlier changes with the same path as a later one dropped, order kept. */
export function latestChanges(changes: readonly string[]): string[] {
  const last = new Map<string, number>();
  changes.forEach((change, i) => last.set(changePath(change), i));
  return changes.filter((change, i) => last.get(changePath(change)) === i);
}

/** The grant fields: from which month the last funding period starts, its share, or the grant ending. */
export interface GrantFields {
  /** YYYY-MM of the last schedule entry's start (or '' without a schedule). */
  from: string;
  /** Its share as a percentage, or '' when it is uncertain (a distribution). */
  share: string;
}

/** The grant fields' current values: the last schedule entry's start month and central share. */
export function grantFields(scenario: Scenario): GrantFields {
  const schedule = scenario.fundingSchedule ?? [];
  const last = schedule.length - 1;
  if (last < 0) return { from: '', share: '' };
  const quantity = scenario.quantities[`funding.schedule.${last}.external_share`];
  const share = quantity?.kind === 'number' ? String(tidy(quantity.value * 100)) : '';
  return { from: schedule[last]!.from.slice(0, 7), share };
}

/** The last day of the month before `yearMonth` (YYYY-MM): "2027-04" -> "2027-03-31". */
function dayBefore(yearMonth: string): string {
  const [year, month] = yearMonth.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, month - 1, 0));
  return last.toISOString().slice(0, 10);
}

/**
 * The grant what-if as changes: the last funding period starts in the month given (the one before
 * it ends the day before) and the grant pays the share given (0 when it ends). A scenario without
 * a schedule gets one entry from that month.
 * @example grantChanges(central, { grantFrom: '2026-04', grantEnds: 'yes' }).changes
 *   // ["funding.schedule.2.from=2026-04-01", "funding.schedule.1.to=2026-03-31", "funding.schedule.2.external_share=0"]
 */
export function grantChanges(scenario: Scenario, form: Readonly<Record<string, unknown>>): TryOutcome {
  const outcome: TryOutcome = { changes: [], errors: [] };
  const current = grantFields(scenario);
  const fromRaw = typeof form.grantFrom === 'string' ? form.grantFrom.trim() : '';
  const shareRaw = typeof form.grantShare === 'string' ? form.grantShare.replace(/[%\s]/g, '') : '';
  const ends = form.grantEnds === 'yes';
  const from = fromRaw === '' ? current.from : fromRaw;
  const fromChanged = fromRaw !== '' && fromRaw !== current.from;
  const shareChanged = ends || (shareRaw !== '' && shareRaw !== current.share);
  if (!fromChanged && !shareChanged) return outcome;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(from)) {
    outcome.errors.push({ field: 'grantFrom', message: t('try.error.month') });
    return outcome;
  }
  let share: number | null = null;
  if (ends) share = 0;
  else if (shareRaw !== '') {
    const number = Number(shareRaw);
    const range = boxRange(SCHEDULE_SHARE, 'percent');
    const problem = /^-?\d*\.?\d+$/.test(shareRaw)
      ? outOfRange(number, range, 'percent', t('try.grantShare'))
      : t('try.error.percentRange', { label: t('try.grantShare'), min: bound(range.min), max: bound(range.max) });
    if (problem !== null) {
      outcome.errors.push({ field: 'grantShare', message: problem });
      return outcome;
    }
    share = number / 100;
  }
  const schedule = scenario.fundingSchedule ?? [];
  if (schedule.length === 0) {
    const value = share ?? 0;
    outcome.changes.push(`funding.schedule=[{ from: ${from}-01, external_share: ${tidy(value)} }]`);
    return outcome;
  }
  const last = schedule.length - 1;
  if (fromChanged) {
    outcome.changes.push(`funding.schedule.${last}.from=${from}-01`);
    if (last >= 1) outcome.changes.push(`funding.schedule.${last - 1}.to=${dayBefore(from)}`);
  }
  if (share !== null) outcome.changes.push(`funding.schedule.${last}.external_share=${tidy(share)}`);
  return outcome;
}

/**
 * Effectiveness as a range (two percentages, lowest first, within the catalogue row's range) as a
 * uniform distribution; nothing when both are empty.
 */
export function effectivenessRange(form: Readonly<Record<string, unknown>>): TryOutcome {
  const low = typeof form.effectivenessLow === 'string' ? form.effectivenessLow.replace(/[%\s]/g, '') : '';
  const high = typeof form.effectivenessHigh === 'string' ? form.effectivenessHigh.replace(/[%\s]/g, '') : '';
  if (low === '' && high === '') return { changes: [], errors: [] };
  const [a, b] = [Number(low), Number(high)];
  const number = /^-?\d*\.?\d+$/;
  const range = boxRange(inputRow('outcomes.effectiveness')!, 'percent');
  const outside = (value: number): boolean => outOfRange(value, range, 'percent', '') !== null;
  if (!number.test(low) || !number.test(high) || a > b || outside(a) || outside(b))
    return { changes: [], errors: [{ field: 'effectivenessLow', message: t('try.error.range') }] };
  return { changes: [`outcomes.effectiveness={ dist: uniform, min: ${tidy(a / 100)}, max: ${tidy(b / 100)} }`], errors: [] };
}

/** Every key path a change may name in this scenario: its inputs, the model's input paths, schedule entries and councils. */
export function knownPaths(scenario: Scenario): string[] {
  const schedule = (scenario.fundingSchedule ?? []).flatMap((_, i) => [
    `funding.schedule.${i}.from`,
    `funding.schedule.${i}.to`,
    `funding.schedule.${i}.external_share`,
  ]);
  const structure = [
    'contract.start',
    'contract.base_end',
    'contract.extensions.max_years',
    'contract.extensions.take',
    'funding.schedule',
    'funding.if_grant_falls',
    'simulation.iterations',
    'simulation.seed',
  ];
  return [...new Set([...Object.keys(scenario.quantities), ...INPUTS.map((p) => p.path), ...schedule, ...structure])];
}

/**
 * Checks the expert box's `key.path=value` lines: a key this scenario does not have is answered
 * with the valid keys nearest to it.
 * @example unknownKeys(central, ['outcomes.efectiveness=0.3'])[0].message
 *   // "“outcomes.efectiveness” is not an input of this scenario. Inputs with a similar name: outcomes.effectiveness, ..."
 */
export function unknownKeys(scenario: Scenario, lines: readonly string[]): { field: string; message: string }[] {
  const known = knownPaths(scenario);
  return lines.flatMap((line) => {
    const at = line.indexOf('=');
    if (at < 1) return [];
    const path = line.slice(0, at).trim();
    if (known.includes(path) || known.some((k) => path.startsWith(`${k}.`))) return [];
    const near = [...known].sort((a, b) => editDistance(path, a) - editDistance(path, b)).slice(0, 4);
    const close = editDistance(path, near[0]!) <= Math.max(3, Math.floor(path.length / 3));
    return [{ field: 'other', message: t(close ? 'try.error.unknownKey' : 'try.error.unknownKeyNone', { path, near: near.join(', ') }) }];
  });
}
