/**
 * The "try a change" form: a few key inputs a commissioning manager can change, turned into
 * `key.path=value` changes. A new value for an uncertain input moves its whole distribution with
 * it (scaled so its central value is the new one), so the run keeps its uncertainty; a formula or
 * a plain number becomes the number given.
 */
import { centralValue, type Distribution } from '../model/distribution';
import { centralValues } from '../scenario/inputs';
import type { Quantity, Scenario } from '../scenario/types';
import { inputLabel, unitOf, type InputUnit } from '../report/inputs';
import { t } from '../report/messages';

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

const FIELD_PATHS: readonly { name: string; path: (s: Scenario) => string }[] = [
  { name: 'weeklyCost', path: () => 'outcomes.residential_weekly_cost' },
  { name: 'breakdownRisk', path: () => 'outcomes.breakdown_risk' },
  { name: 'effectiveness', path: () => 'outcomes.effectiveness' },
  { name: 'escalation', path: () => 'outcomes.residential_escalation' },
  { name: 'capacity', path: (s) => (s.capacityForm === 'caseload' ? 'service.capacity.caseload' : 'service.capacity.starts_per_year') },
  { name: 'contractValue', path: () => 'contract.annual_value' },
];

/** Six significant figures: enough for the form, short in a link. */
function tidy(value: number): number {
  return Number(value.toPrecision(6));
}

function shown(value: number, unit: InputUnit): string {
  return String(unit === 'percent' ? tidy(value * 100) : tidy(value));
}

/** The form's fields with the scenario's current central values. */
export function tryFields(scenario: Scenario): TryField[] {
  const central = centralValues(scenario);
  const fields: TryField[] = FIELD_PATHS.filter(({ path }) => path(scenario) in scenario.quantities).map(({ name, path }) => {
    const fieldPath = path(scenario);
    const unit = unitOf(fieldPath);
    const quantity = scenario.quantities[fieldPath]!;
    return {
      name,
      path: fieldPath,
      label: inputLabel(fieldPath),
      hint: t(quantity.kind === 'distribution' ? 'try.hint.distribution' : quantity.kind === 'formula' ? 'try.hint.formula' : 'try.hint.number'),
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

/** A distribution moved so that its central value is `target`, in YAML flow form. */
export function movedDistribution(distribution: Distribution, target: number, unit: InputUnit): string | null {
  const central = centralValue(distribution);
  if (central === 0 || !Number.isFinite(target / central)) return null;
  const factor = target / central;
  const bounded = (value: number): number => (unit === 'percent' ? Math.min(1, Math.max(0, value)) : value);
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
export function changedValue(quantity: Quantity, target: number, unit: InputUnit): string {
  if (quantity.kind === 'distribution') return movedDistribution(quantity.distribution, target, unit) ?? String(tidy(target));
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
    if (field.unit === 'percent' && (number < 0 || number > 100)) {
      outcome.errors.push({ field: field.name, message: t('try.error.percent', { label: field.label }) });
      continue;
    }
    if (number < 0) {
      outcome.errors.push({ field: field.name, message: t('try.error.negative', { label: field.label }) });
      continue;
    }
    const target = field.unit === 'percent' ? number / 100 : number;
    outcome.changes.push(`${field.path}=${changedValue(scenario.quantities[field.path]!, target, field.unit as InputUnit)}`);
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

