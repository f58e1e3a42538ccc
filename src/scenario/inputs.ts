/**
 * From a Scenario's quantities to numbers, and from numbers to the model's Inputs. Values are
 * keyed by dotted input path ("outcomes.effectiveness", "variables.bridgend_share"), the same
 * keys the deterministic run, Monte Carlo, tornado and switching values use.
 */
import { centralValue, isUncertain } from '../model/distribution';
import type { Inputs, YearMonth } from '../model/types';
import { INPUTS } from './catalogue';
import type { DirectField } from './fields';
import type { Quantity, Scenario } from './types';

const VARIABLE_PREFIX = 'variables.';

function numberOrCentral(quantity: Quantity, path: string): number {
  if (quantity.kind === 'number') return quantity.value;
  if (quantity.kind === 'distribution') return centralValue(quantity.distribution);
  throw new Error(`${path} is a formula; variables cannot be formulas`);
}

/**
 * Every input's value at the central values, except the ones given: a variable given here flows
 * through every formula that reads it, so a switching-value search on `variables.x` moves the
 * inputs computed from x. An input path given here wins over its own formula.
 * valuesWith(s, { 'variables.share': 0.4 }) -> { 'variables.share': 0.4, 'service.referrals_per_year': 157 / 3 / 0.4, ... }
 */
export function valuesWith(scenario: Scenario, given: Readonly<Record<string, number>>): Record<string, number> {
  for (const path of Object.keys(given)) {
    const known = path.startsWith(VARIABLE_PREFIX) ? path.slice(VARIABLE_PREFIX.length) in scenario.variables : path in scenario.quantities;
    if (!known) throw new Error(`valuesWith: ${path} is not an input of this scenario`);
  }
  const variables: Record<string, number> = {};
  const values: Record<string, number> = {};
  for (const [name, quantity] of Object.entries(scenario.variables)) {
    const path = VARIABLE_PREFIX + name;
    variables[name] = given[path] ?? numberOrCentral(quantity, path);
    values[path] = variables[name];
  }
  for (const [path, quantity] of Object.entries(scenario.quantities)) {
    values[path] = given[path] ?? (quantity.kind === 'formula' ? quantity.formula.evaluate(variables) : numberOrCentral(quantity, path));
  }
  return values;
}

/**
 * Each quantity's central value (section 10's table), formulas evaluated at the variables'
 * central values, and each variable's as `variables.<name>`. The deterministic run uses these.
 */
export function centralValues(scenario: Scenario): Record<string, number> {
  return valuesWith(scenario, {});
}

/**
 * The inputs Monte Carlo draws: variables and quantities written as distributions that can take
 * more than one value. Formulas are not drawn; they follow their variables.
 * uncertainPaths(s) -> ['variables.share', 'outcomes.effectiveness']
 */
export function uncertainPaths(scenario: Scenario): string[] {
  const drawn = (quantity: Quantity): boolean => quantity.kind === 'distribution' && isUncertain(quantity.distribution);
  return [
    ...Object.entries(scenario.variables)
      .filter(([, quantity]) => drawn(quantity))
      .map(([name]) => VARIABLE_PREFIX + name),
    ...Object.entries(scenario.quantities)
      .filter(([, quantity]) => drawn(quantity))
      .map(([path]) => path),
  ];
}

/** The month that holds an ISO date. yearMonthOf('2025-01-03') -> { year: 2025, month: 1 } */
export function yearMonthOf(isoDate: string): YearMonth {
  const [year, month] = isoDate.split('-').map(Number);
  return { year: year!, month: month! };
}

/**
 * The index of a financial year labelled like "2026/27" counted from the financial year that holds
 * `start` (0 for that year). financialYearIndex({year: 2025, month: 1}, '2026/27') -> 2
 */
export function financialYearIndex(start: YearMonth, label: string): number {
  const first = start.month >= 4 ? start.year : start.year - 1;
  return Number(label.slice(0, 4)) - first;
}

/** The catalogue's rows that feed one model field each (all but capacity), read by buildInputs. */
const DIRECT_ROWS = INPUTS.flatMap((row) =>
  row.field === 'capacityPerMonth' ? [] : [{ path: row.path, field: row.field, optional: row.optional === true }],
);

/**
 * The model's inputs for one set of values (from centralValues, valuesWith or one Monte Carlo
 * draw): each catalogue row's value in its field (an optional row left out is 0). Capacity per
 * month is starts_per_year / 12, or caseload / months_per_child.
 */
export function buildInputs(scenario: Scenario, values: Readonly<Record<string, number>>): Inputs {
  const value = (path: string): number => {
    const found = values[path];
    if (found === undefined) throw new Error(`buildInputs: no value for ${path}`);
    return found;
  };
  const start = yearMonthOf(scenario.contract.start);
  const monthOf = (isoDate: string): number => {
    const at = yearMonthOf(isoDate);
    return (at.year - start.year) * 12 + (at.month - start.month);
  };
  const shareAt = (path: string, central: number): number => values[path] ?? central;
  const capacityPerMonth =
    scenario.capacityForm === 'starts_per_year'
      ? value('service.capacity.starts_per_year') / 12
      : value('service.capacity.caseload') / value('service.capacity.months_per_child');
  // Every model field but capacity, each from its catalogue row's path (src/scenario/catalogue.ts).
  const direct = Object.fromEntries(
    DIRECT_ROWS.map(({ path, field, optional }) => [field, optional ? (values[path] ?? 0) : value(path)]),
  ) as Record<DirectField, number>;
  return {
    ...direct,
    start,
    baseEnd: yearMonthOf(scenario.contract.baseEnd),
    maxExtensionYears: scenario.contract.maxYears,
    headlineExtensionYears: scenario.contract.take,
    externalShareByYear: scenario.externalShareByYear,
    fundingSchedule: (scenario.fundingSchedule ?? []).map((entry, i) => ({
      fromMonth: monthOf(entry.from),
      toMonth: entry.to === undefined ? Infinity : monthOf(entry.to),
      externalShare: value(`funding.schedule.${i}.external_share`),
    })),
    ifGrantFalls: scenario.ifGrantFalls ?? 'councils_pay',
    councils: scenario.councils.map((council, i) => ({
      name: council.name,
      childrenShare: shareAt(`councils.${i}.children_share`, council.childrenShare),
      matchShare: shareAt(`councils.${i}.match_share`, council.matchShare),
    })),
    capacityPerMonth,
    maxWaitMonths: scenario.maxWaitMonths,
    contractPrice: scenario.contractPrice ?? 'real',
    priceBaseYear: scenario.priceBase === undefined ? 0 : financialYearIndex(start, scenario.priceBase),
    discountBaseYear: scenario.discountBaseYear === undefined ? 0 : financialYearIndex(start, scenario.discountBaseYear),
  };
}
