/**
 * Runs a scenario through the model: the deterministic projection of every option and perspective
 * with break-even figures (shared/model.md sections 8-9), in the shared results shape.
 */
import { placementsNeeded, switchingValue, type SearchRange } from '../model/breakeven';
import { support } from '../model/distribution';
import { projectAll, regionNpvByOption, type Projection } from '../model/project';
import type { MoneyBasis, OptionResult, Results } from '../model/results';
import { financialYearLabel, financialYearStartYear } from '../model/time';
import type { Inputs } from '../model/types';
import { buildInputs, centralValues, uncertainPaths, valuesWith } from '../scenario/inputs';
import { truncationsOf } from '../scenario/truncation';
import { centralBudget, centralDecision, decisionMap } from './decision';
import { MODEL_VERSION } from './version';
import { COUNCIL_SHARE, inputRow, SCHEDULE_SHARE, switchingPaths, type InputPath } from '../scenario/catalogue';
import type { Scenario } from '../scenario/types';

/** Inputs whose switching value is always reported, when the scenario has them (section 8): the catalogue's `switching` rows, in their places. */
export const KEY_INPUTS: readonly string[] = switchingPaths();

/** The inputs that get a switching value: the key inputs present, then every uncertain one. */
export function switchingInputPaths(scenario: Scenario): string[] {
  const paths = KEY_INPUTS.filter((p) => p in scenario.quantities);
  for (const p of uncertainPaths(scenario)) if (!paths.includes(p)) paths.push(p);
  return paths;
}

/** The allowed range of an input path, list entries included (`funding.schedule.2.external_share`, `councils.0.match_share`). */
function inputPathOf(path: string): InputPath | undefined {
  if (/^funding\.schedule\.\d+\.external_share$/.test(path)) return SCHEDULE_SHARE;
  if (/^councils\.\d+\.(children|match)_share$/.test(path)) return COUNCIL_SHARE;
  return inputRow(path);
}

/**
 * Where a switching value is looked for: the key's allowed range (a variable's: its distribution's
 * support); an unbounded end is taken as 100 times the central value's size.
 */
export function searchRange(scenario: Scenario, path: string, central: number): SearchRange {
  let min = -Infinity;
  let max = Infinity;
  const known = inputPathOf(path);
  if (known) {
    min = known.min;
    max = known.max;
  } else if (path.startsWith('variables.')) {
    const variable = scenario.variables[path.slice('variables.'.length)];
    if (variable?.kind === 'distribution') [min, max] = support(variable.distribution);
  }
  const reach = 100 * Math.max(Math.abs(central), 1);
  // An unbounded end stops at the key's sanity limit (520 weeks, GBP 1bn; scenario/catalogue.ts).
  const top = Number.isFinite(max) ? max : Math.min(central + reach, known?.limit ?? Infinity);
  return { min: Number.isFinite(min) ? min : central - reach, max: top, central };
}

/** The deterministic projection at `values` (input path -> number). */
export function projectValues(scenario: Scenario, values: Record<string, number>): Projection {
  return projectAll(buildInputs(scenario, values));
}

/** Switching values of every option for one input: the region NPV = 0 crossing nearest the central value. */
function switchingValuesFor(scenario: Scenario, path: string, central: Record<string, number>, optionCount: number): (number | null)[] {
  const cache = new Map<number, number[]>();
  const npvs = (value: number): number[] => {
    let result = cache.get(value);
    if (!result) {
      const values = valuesWith(scenario, { [path]: value });
      result = regionNpvByOption(buildInputs(scenario, values));
      cache.set(value, result);
    }
    return result;
  };
  const range = searchRange(scenario, path, central[path]!);
  return Array.from({ length: optionCount }, (_, k) => switchingValue((v) => npvs(v)[k]!, range));
}

/** The label of financial year `index` counted from the one that holds the inputs' month 0. yearLabel(start Jan 2025, 2) -> "2026/27" */
function yearLabel(inputs: Pick<Inputs, 'start'>, index: number): string {
  return financialYearLabel(financialYearStartYear(inputs.start) + index);
}

/** How money is counted (shared/model.md section 17), at central values. */
export function moneyBasisOf(inputs: Inputs): MoneyBasis {
  return {
    priceBase: yearLabel(inputs, inputs.priceBaseYear),
    inflation: inputs.inflation,
    contractPrice: inputs.contractPrice,
    discountRate: inputs.discountRate,
    discountBaseYear: yearLabel(inputs, inputs.discountBaseYear),
  };
}

/** The deterministic results of every option, for every perspective, with break-even figures. */
export function deterministicResults(scenario: Scenario): Results {
  const central = centralValues(scenario);
  const inputs = buildInputs(scenario, central);
  const projection = projectAll(inputs);
  const moneyBasis = moneyBasisOf(inputs);
  const paths = switchingInputPaths(scenario);
  const switching = new Map(paths.map((p) => [p, switchingValuesFor(scenario, p, central, projection.options.length)]));
  const options: OptionResult[] = projection.options.map((option, k) => {
    const region = option.perspectives.region!.totals;
    const switchingValues: Record<string, number | null> = {};
    for (const p of paths) switchingValues[p] = switching.get(p)![k]!;
    return {
      extensionYears: option.extensionYears,
      perspectives: option.perspectives,
      breakEven: {
        placementsNeeded: placementsNeeded(region.residentialPlacementsAvoided, region.avoidedCostPV, region.contractCostPV),
        switchingValues,
      },
    };
  });
  return {
    scenario: {
      name: scenario.name.en,
      hash: scenario.hash,
      text: { name: scenario.name, councils: Object.fromEntries(scenario.councils.map((c) => [c.name, c.label])) },
    },
    modelVersion: MODEL_VERSION,
    headlineExtensionYears: scenario.contract.take,
    headlinePerspective: scenario.decision.perspective,
    priceBase: moneyBasis.priceBase,
    discountRate: central['finance.discount_rate'],
    moneyBasis,
    horizonMonths: projection.horizon,
    firstMonth: scenario.contract.start.slice(0, 7),
    options,
    decision: centralDecision(projection, inputs),
    budget: centralBudget(projection, inputs),
    decisionMap: scenario.decision.map ? decisionMap(scenario, null) : null,
    truncations: truncationsOf(scenario),
  };
}
