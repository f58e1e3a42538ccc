/**
 * The decision of a Monte Carlo run (shared/model.md section 18): every perspective's decision on
 * the run's draws, the budget's percentiles, and the decision map over two inputs.
 */
import { netBudgetEffectPercentiles, withBudgetPercentiles } from '../model/budget';
import { bestOf, perspectiveDecision, perspectiveDraws, type CentralFigures } from '../model/decision';
import { isUncertain, type Distribution } from '../model/distribution';
import { budgetByYear, npvByOption, perspectiveScales, projectAll, type Projection } from '../model/project';
import { quantile } from '../model/random/quantile';
import type { DecisionMap, OptionBudget, PerspectiveDecision, TornadoBar } from '../model/results';
import type { SimulationLayout, SimulationOutput, SimulationPlan } from '../model/simulate';
import { buildInputs, centralValues, valuesWith } from '../scenario/inputs';
import type { Inputs } from '../model/types';
import type { Scenario } from '../scenario/types';

/** Each perspective's NPV, net cash, contract cost PV and net budget effect of every option at central values. */
export function centralFigures(projection: Projection, inputs: Inputs): Record<string, CentralFigures> {
  const scales = perspectiveScales(inputs);
  return Object.fromEntries(
    Object.entries(scales).map(([name, scale]) => {
      const totals = projection.options.map((option) => option.perspectives[name]!.totals);
      const netBudget = projection.options.map(
        (option) => budgetByYear(option.flows, projection.timeline, scale).at(-1)!.cumulativeNetBudgetEffect,
      );
      return [
        name,
        { npv: totals.map((t) => t.npv), netCash: totals.map((t) => t.netSaving), costPV: totals.map((t) => t.contractCostPV), netBudget },
      ];
    }),
  );
}

/** The decision of every perspective at central values (section 18); Monte Carlo fills in the rest. */
export function centralDecision(projection: Projection, inputs: Inputs): Record<string, PerspectiveDecision> {
  return Object.fromEntries(
    Object.entries(centralFigures(projection, inputs)).map(([name, figures]) => [
      name,
      perspectiveDecision(figures, inputs.annualValue, null),
    ]),
  );
}

/** The cash budget table of every option for every perspective, at central values (section 18). */
export function centralBudget(projection: Projection, inputs: Inputs): Record<string, OptionBudget[]> {
  const scales = perspectiveScales(inputs);
  return Object.fromEntries(
    Object.entries(scales).map(([name, scale]) => [
      name,
      projection.options.map((option) => ({
        extensionYears: option.extensionYears,
        byFinancialYear: budgetByYear(option.flows, projection.timeline, scale),
      })),
    ]),
  );
}

/** What a run keeps that the decision needs. */
export interface DecisionRun {
  plan: SimulationPlan;
  layout: SimulationLayout;
  out: SimulationOutput;
}

/** Every perspective's decision on the run's draws (weighted after a monitoring update). */
export function monteCarloDecision(
  scenario: Scenario,
  run: DecisionRun,
  weights: Float64Array | null = null,
): Record<string, PerspectiveDecision> {
  const inputs = buildInputs(scenario, centralValues(scenario));
  const central = centralFigures(projectAll(inputs), inputs);
  const decision: Record<string, PerspectiveDecision> = {};
  run.layout.perspectives.forEach((name, p) => {
    const draws = perspectiveDraws(run.out, run.layout, run.plan.base, p, weights);
    decision[name] = perspectiveDecision(central[name]!, inputs.annualValue, {
      draws,
      endMonth: run.out.endMonth,
      terms: run.layout.terms,
      weights,
    });
  });
  return decision;
}

/** The central budget tables with each year's P10/P50/P90 of the net budget effect from the run. */
export function monteCarloBudget(scenario: Scenario, run: DecisionRun): Record<string, OptionBudget[]> {
  const inputs = buildInputs(scenario, centralValues(scenario));
  const budget = centralBudget(projectAll(inputs), inputs);
  return Object.fromEntries(
    run.layout.perspectives.map((name, p) => [
      name,
      budget[name]!.map((option, k) => ({
        extensionYears: option.extensionYears,
        byFinancialYear: withBudgetPercentiles(
          option.byFinancialYear,
          netBudgetEffectPercentiles(run.out, run.layout, run.plan.base, p, k),
        ),
      })),
    ]),
  );
}

/** Points on a decision map's axis. */
export const MAP_POINTS = 21;

/** The distribution an input path is drawn from, when it is uncertain. */
function uncertainDistribution(scenario: Scenario, path: string): Distribution | null {
  const quantity = path.startsWith('variables.') ? scenario.variables[path.slice('variables.'.length)] : scenario.quantities[path];
  return quantity?.kind === 'distribution' && isUncertain(quantity.distribution) ? quantity.distribution : null;
}

/** 21 evenly spaced values from the distribution's P5 to its P95. */
function axisValues(distribution: Distribution): number[] {
  const low = quantile(distribution, 0.05);
  const high = quantile(distribution, 0.95);
  return Array.from({ length: MAP_POINTS }, (_, j) => low + ((high - low) * j) / (MAP_POINTS - 1));
}

/**
 * The map's two inputs (section 18): the scenario's `decision.map`; else the two uncertain inputs
 * with the largest EVPPI (above 0); else the two with the widest tornado swing of the headline
 * option for the headline perspective. Null with fewer than two uncertain inputs among them.
 */
export function mapInputs(
  scenario: Scenario,
  evppi: Readonly<Record<string, number>> | null,
  swings: () => readonly { input: string; swing: number }[],
): [string, string] | null {
  if (scenario.decision.map) {
    const [x, y] = scenario.decision.map;
    return uncertainDistribution(scenario, x) && uncertainDistribution(scenario, y) ? [x, y] : null;
  }
  if (evppi === null) return null;
  const byEvppi = Object.entries(evppi)
    .filter(([path, value]) => value > 0 && uncertainDistribution(scenario, path))
    .sort((a, b) => b[1] - a[1])
    .map(([path]) => path);
  if (byEvppi.length >= 2) return [byEvppi[0]!, byEvppi[1]!];
  const bySwing = swings()
    .filter((s) => uncertainDistribution(scenario, s.input))
    .sort((a, b) => b.swing - a.swing);
  return bySwing.length >= 2 ? [bySwing[0]!.input, bySwing[1]!.input] : null;
}

/**
 * The tornado of the headline option (contract.extensions.take) for the headline perspective: each
 * uncertain input at its P10 and P90 with the rest at central values, widest swing first.
 */
export function headlineTornado(scenario: Scenario): TornadoBar[] {
  const perspective = scenario.decision.perspective;
  const k = scenario.contract.take;
  const bars: TornadoBar[] = [];
  const paths = [...Object.keys(scenario.variables).map((name) => `variables.${name}`), ...Object.keys(scenario.quantities)];
  for (const path of paths) {
    const distribution = uncertainDistribution(scenario, path);
    if (!distribution) continue;
    const npvAt = (value: number): number => npvByOption(buildInputs(scenario, valuesWith(scenario, { [path]: value })), perspective)[k]!;
    const low = quantile(distribution, 0.1);
    const high = quantile(distribution, 0.9);
    bars.push({ input: path, low, high, npvAtLow: npvAt(low), npvAtHigh: npvAt(high) });
  }
  return bars.sort((a, b) => Math.abs(b.npvAtHigh - b.npvAtLow) - Math.abs(a.npvAtHigh - a.npvAtLow));
}

/** Tornado swings |NPV at P90 - NPV at P10| of the headline option for the headline perspective. */
export function headlineSwings(scenario: Scenario): { input: string; swing: number }[] {
  return headlineTornado(scenario).map((bar) => ({ input: bar.input, swing: Math.abs(bar.npvAtHigh - bar.npvAtLow) }));
}

/**
 * The decision map: the best option of the headline perspective at central values in each cell of
 * a 21 x 21 grid of two inputs from P5 to P95 (rows follow y), or null when there are not two
 * uncertain inputs to map.
 */
export function decisionMap(scenario: Scenario, evppi: Readonly<Record<string, number>> | null): DecisionMap | null {
  const inputs = mapInputs(scenario, evppi, () => headlineSwings(scenario));
  if (!inputs) return null;
  const [x, y] = inputs;
  const xValues = axisValues(uncertainDistribution(scenario, x)!);
  const yValues = axisValues(uncertainDistribution(scenario, y)!);
  const perspective = scenario.decision.perspective;
  const bestOption = yValues.map((vy) =>
    xValues.map((vx) => bestOf(npvByOption(buildInputs(scenario, valuesWith(scenario, { [x]: vx, [y]: vy })), perspective))),
  );
  return { perspective, x: { input: x, values: xValues }, y: { input: y, values: yValues }, bestOption };
}
