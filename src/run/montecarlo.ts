/**
 * One Monte Carlo run of a scenario (shared/model.md section 10): settings, the plan, blocks of
 * iterations, and the summaries with the tornado.
 */
import { support, type Distribution } from '../model/distribution';
import { quantile } from '../model/random/quantile';
import { createRng, deriveSeed } from '../model/random/rng';
import { samplerFor } from '../model/random/sample';
import type { MonteCarloResult, TornadoBar } from '../model/results';
import {
  COST_SHAPE_FIELDS,
  costShapeVaries,
  createOutput,
  type OutputShape,
  simulateBlock,
  simulationLayout,
  Workspace,
  type SimulationLayout,
  type SimulationOutput,
  type SimulationPlan,
} from '../model/simulate';
import { regionNpvByOption } from '../model/project';
import { summariseOption } from '../model/summarise';
import { buildInputs, centralValues, valuesWith } from '../scenario/inputs';
import { FIELD_OF_PATH } from '../scenario/fields';
import type { Scenario } from '../scenario/types';
import { projectValues } from './deterministic';
import { BLOCK_SIZE, blockDraws, drawSources, inputColumns } from './draws';
import type { MonteCarloRequest } from './request';
import { fullRunDraws } from './sampling';

export type { MonteCarloRequest } from './request';

/**
 * Iterations whose financial-year detail feeds the fan chart (the first ones): 4,000 draws place
 * a P5 or P95 line to within about 0.7 percentage points of probability (2 standard errors),
 * finer than a chart shows, at a fraction of the cost of keeping every year of every draw.
 */
export const FAN_ITERATIONS = 4_000;

/** The longest placement a run may draw, in weeks (the validator's upper limit). */
const MAX_WEEKS = 520;

/** The scenario's Monte Carlo settings with any overrides. */
export function monteCarloRequest(scenario: Scenario, overrides: { iterations?: number; seed?: number | string } = {}): MonteCarloRequest {
  const mc = scenario.monteCarlo;
  return {
    iterations: overrides.iterations ?? mc.iterations,
    seed: overrides.seed ?? mc.seed,
    sampling: mc.sampling,
    processVariability: mc.processVariability,
    correlations: mc.correlations,
  };
}

/** The simulation plan: central inputs for the structure, the longest placement, the fan size. */
export function simulationPlan(scenario: Scenario, request: MonteCarloRequest): SimulationPlan {
  const base = buildInputs(scenario, centralValues(scenario));
  const weeks = scenario.quantities['outcomes.residential_weeks'];
  let longestWeeks = base.residentialWeeks;
  let placementWeeks: ((rng: () => number) => number) | undefined;
  if (weeks?.kind === 'distribution') {
    longestWeeks = Math.min(MAX_WEEKS, support(weeks.distribution)[1]);
    if (request.processVariability) placementWeeks = samplerFor(weeks.distribution);
  } else if (weeks?.kind === 'formula') {
    longestWeeks = MAX_WEEKS;
  }
  return {
    base,
    longestWeeks,
    processVariability: request.processVariability,
    placementWeeks,
    fanIterations: Math.min(request.iterations, FAN_ITERATIONS),
  };
}

/** Input columns of one iteration whose uncertain inputs are all drawn (to see which vary). */
function probeColumns(scenario: Scenario): ReturnType<typeof inputColumns> {
  const sources = drawSources(scenario);
  return inputColumns(scenario, new Map(sources.map((s) => [s.path, new Float64Array(1)])), 1);
}

/** True when the scenario's uplift, discount rate or grant share is uncertain. */
export function costShapeVariesIn(scenario: Scenario): boolean {
  return costShapeVaries(probeColumns(scenario));
}

/**
 * True when the cost shape, where it varies, takes only a few values: every cost input that varies
 * (uplift, discount rate, inflation, grant shares) is itself a discrete choice, as the central
 * case's grant after March 2027 (one given by a formula counts as taking many).
 */
export function fewCostShapesIn(scenario: Scenario): boolean {
  const probe = probeColumns(scenario);
  const costFields: readonly string[] = COST_SHAPE_FIELDS;
  const varying = Object.entries(FIELD_OF_PATH)
    .filter(([, field]) => costFields.includes(field) && typeof probe[field] !== 'number')
    .map(([path]) => path);
  probe.scheduleShares.forEach((share, e) => {
    if (typeof share !== 'number') varying.push(`funding.schedule.${e}.external_share`);
  });
  return varying.every((path) => {
    const q = scenario.quantities[path];
    return q?.kind === 'distribution' && q.distribution.dist === 'discrete';
  });
}

/**
 * The output a run of `scenario` needs: room for every draw, the fan's first draws, a set of cost
 * sums per draw when the cost shape varies, and the cashable part per draw when the run keeps
 * every draw for the decision (`forDecision`).
 */
export function outputShape(scenario: Scenario, request: MonteCarloRequest, plan: SimulationPlan, forDecision: boolean): OutputShape {
  return {
    iterations: request.iterations,
    fanIterations: plan.fanIterations,
    costShapeVaries: costShapeVariesIn(scenario),
    fewCostShapes: fewCostShapesIn(scenario),
    cashablePerDraw: forDecision,
  };
}

/** True when the contract's cost differs between iterations (value, uplift, cost optimism bias ...). */
export function contractCostVariesIn(scenario: Scenario): boolean {
  const probe = probeColumns(scenario);
  return costShapeVaries(probe) || typeof probe.annualValue !== 'number' || typeof probe.costOptimismBias !== 'number';
}

/** True when every iteration's draws can be made block by block (no rank correlations, which need the whole run's). */
export function drawsByBlock(request: MonteCarloRequest): boolean {
  return request.correlations.length === 0;
}

/** Number of blocks in a run of `iterations`. */
export function blockCount(iterations: number): number {
  return Math.ceil(iterations / BLOCK_SIZE);
}

/**
 * Simulates the given blocks into `out`. Whole-run draws (rank-correlated inputs) are
 * passed in as `runDraws`, one column per source; otherwise each block draws its own.
 */
export function simulateBlocks(
  scenario: Scenario,
  request: MonteCarloRequest,
  plan: SimulationPlan,
  layout: SimulationLayout,
  out: SimulationOutput,
  blocks: Iterable<number>,
  runDraws?: readonly Float64Array[],
): void {
  const sources = drawSources(scenario);
  const workspace = new Workspace(layout, plan.base);
  for (const block of blocks) {
    const from = block * BLOCK_SIZE;
    const to = Math.min(request.iterations, from + BLOCK_SIZE);
    const count = to - from;
    const columns = runDraws ? runDraws.map((c) => c.subarray(from, to)) : blockDraws(sources, request, block, count);
    const drawn = new Map(sources.map((s, i) => [s.path, columns[i]!]));
    const inputs = inputColumns(scenario, drawn, count);
    const rng = plan.processVariability ? createRng(deriveSeed(request.seed, `process#${block}`)) : null;
    simulateBlock({ plan, layout, columns: inputs, columnOffset: from, from, to, out, rng, workspace });
  }
}

/** A whole run in this thread: draws, simulation and summaries. */
export function runMonteCarloInProcess(scenario: Scenario, request: MonteCarloRequest): MonteCarloResult[] {
  const plan = simulationPlan(scenario, request);
  const layout = simulationLayout(plan);
  const out = createOutput(layout, outputShape(scenario, request, plan, false));
  const runDraws = drawsByBlock(request) ? undefined : fullRunDraws(drawSources(scenario), request);
  const blocks = Array.from({ length: blockCount(request.iterations) }, (_, b) => b);
  simulateBlocks(scenario, request, plan, layout, out, blocks, runDraws);
  return summarise(scenario, request, plan, layout, out);
}

/** Plain-English-free warnings about precision, as codes with figures; the report words them. */
export interface PrecisionWarning {
  code: 'few-iterations-probability' | 'few-iterations-mean';
  iterations: number;
  /** The half-width of the 95% interval of the figure. */
  margin: number;
  /** Iterations that would bring the margin within the precision shown. */
  recommended: number;
}

/** Summaries, tornado and precision warnings of every option. */
export function summarise(
  scenario: Scenario,
  request: MonteCarloRequest,
  plan: SimulationPlan,
  layout: SimulationLayout,
  out: SimulationOutput,
): MonteCarloResult[] {
  const tornadoes = tornado(scenario);
  return layout.terms.map((_, option) => monteCarloResult(request, summariseOption(out, layout, plan.base, option), tornadoes[option]!));
}

/** One option's Monte Carlo result from its summaries and tornado. */
export function monteCarloResult(
  request: MonteCarloRequest,
  perspectives: MonteCarloResult['perspectives'],
  bars: TornadoBar[],
): MonteCarloResult {
  return {
    iterations: request.iterations,
    seed: request.seed,
    sampling: request.sampling,
    processVariability: request.processVariability,
    perspectives,
    tornado: bars,
    warnings: precisionWarnings(perspectives.region!, request.iterations),
  };
}

/**
 * Warns when the run is too short for the precision the pages show: the chance of a positive
 * NPV to within 1 percentage point, the mean NPV to within £50k (its 95% margins).
 */
export function precisionWarnings(region: MonteCarloResult['perspectives'][string], iterations: number): PrecisionWarning[] {
  const warnings: PrecisionWarning[] = [];
  const probabilityMargin = 1.96 * region.probabilityNpvPositiveSem;
  if (probabilityMargin > 0.01) {
    const p = region.probabilityNpvPositive;
    warnings.push({
      code: 'few-iterations-probability',
      iterations,
      margin: probabilityMargin,
      recommended: Math.ceil((p * (1 - p) * 1.96 ** 2) / 0.01 ** 2),
    });
  }
  const meanMargin = 1.96 * region.npv.sem;
  if (meanMargin > 50_000) {
    warnings.push({
      code: 'few-iterations-mean',
      iterations,
      margin: meanMargin,
      recommended: Math.ceil(iterations * (meanMargin / 50_000) ** 2),
    });
  }
  return warnings;
}

/**
 * The tornado of each option: region NPV with each uncertain input at its P10 and P90 and the rest
 * at central values, widest swing first.
 */
export function tornado(scenario: Scenario): TornadoBar[][] {
  const sources = drawSources(scenario);
  const central = centralValues(scenario);
  const options = projectValues(scenario, central).options.length;
  const bars: TornadoBar[][] = Array.from({ length: options }, () => []);
  for (const source of sources) {
    const low = quantile(source.distribution as Distribution, 0.1);
    const high = quantile(source.distribution as Distribution, 0.9);
    const npvAt = (value: number): number[] => regionNpvByOption(buildInputs(scenario, valuesWith(scenario, { [source.path]: value })));
    const atLow = npvAt(low);
    const atHigh = npvAt(high);
    for (let k = 0; k < options; k++) bars[k]!.push({ input: source.path, low, high, npvAtLow: atLow[k]!, npvAtHigh: atHigh[k]! });
  }
  for (const list of bars) list.sort((a, b) => Math.abs(b.npvAtHigh - b.npvAtLow) - Math.abs(a.npvAtHigh - a.npvAtLow));
  return bars;
}
