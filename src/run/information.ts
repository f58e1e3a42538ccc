/**
 * Monitoring, updating and the value of information for one Monte Carlo run (shared/model.md
 * section 15), in this thread: the run's draws are kept (they are deterministic from the seed),
 * each draw is weighted by the likelihood of the scenario's monitoring counts, every summary is
 * recomputed with the weights, and EVPI, EVPPI per uncertain input and the value of waiting a year
 * come from the (weighted) draws of each option's region NPV.
 */
import { createRng, deriveSeed } from '../model/random/rng';
import {
  countSummaries,
  expectedValueOfPartialPerfectInformation,
  expectedValueOfPerfectInformation,
  simulateYearOfCounts,
  waitOneYear,
} from '../model/information';
import { regionNpvByOption } from '../model/project';
import type {
  DecisionMap,
  MonitoringResult,
  MonteCarloResult,
  OptionBudget,
  OptionResult,
  PerspectiveDecision,
  TornadoBar,
  UpdateWarning,
  ValueOfInformationResult,
} from '../model/results';
import { simulateService } from '../model/service';
import {
  createOutput,
  simulationLayout,
  type InputColumns,
  type SimulationLayout,
  type SimulationOutput,
  type SimulationPlan,
} from '../model/simulate';
import { fixedTermMonths } from '../model/time';
import {
  expectedCounts,
  periodMonths,
  referralMean,
  breakdownProbability,
  trackAgainstExpected,
  updateWeights,
  type CountedPeriod,
} from '../model/update';
import { weightedQuantiles } from '../model/weighted';
import { regionNpvColumns, summariseOptionWeighted } from '../model/weightedSummary';
import { buildInputs, centralValues, valuesWith } from '../scenario/inputs';
import type { Scenario } from '../scenario/types';
import { decisionMap, headlineTornado, monteCarloBudget, monteCarloDecision } from './decision';
import { blockDraws, drawSources, inputColumns, BLOCK_SIZE, type DrawSource } from './draws';
import {
  blockCount,
  drawsByBlock,
  monteCarloResult,
  precisionWarnings,
  simulateBlocks,
  simulationPlan,
  summarise,
  type MonteCarloRequest,
  outputShape,
} from './montecarlo';
import { fullRunDraws } from './sampling';

/** The effective sample size below which the update warns and reruns with more draws. */
export const MIN_EFFECTIVE_SAMPLE_SIZE = 1_000;
/** The share of draws below which the effective sample size is warned about. */
export const MIN_EFFECTIVE_SHARE = 0.05;
/** The effective sample size a rerun aims for. */
const TARGET_EFFECTIVE_SAMPLE_SIZE = 2_000;
/** Default cap on the draws of a rerun. */
export const DEFAULT_MAX_ITERATIONS = 200_000;

/** Settings of the update and the value-of-information calculations. */
export interface InformationSettings {
  /** The most draws a rerun may use when the effective sample size is low. */
  maxIterations: number;
}

export const DEFAULT_INFORMATION_SETTINGS: Readonly<InformationSettings> = { maxIterations: DEFAULT_MAX_ITERATIONS };

/** A run whose draws and per-iteration outputs are kept. */
export interface KeptRun {
  request: MonteCarloRequest;
  plan: SimulationPlan;
  layout: SimulationLayout;
  out: SimulationOutput;
  sources: DrawSource[];
  /** One column of draws per source, the whole run. */
  draws: Float64Array[];
  /** The model's inputs per iteration (constants as numbers). */
  columns: InputColumns;
}

/** Every source's draws for the whole run, exactly as simulateBlocks would make them. */
function runDrawsOf(sources: readonly DrawSource[], request: MonteCarloRequest): Float64Array[] {
  if (!drawsByBlock(request)) return fullRunDraws(sources, request);
  const columns = sources.map(() => new Float64Array(request.iterations));
  for (let block = 0; block < blockCount(request.iterations); block++) {
    const from = block * BLOCK_SIZE;
    const count = Math.min(request.iterations, from + BLOCK_SIZE) - from;
    blockDraws(sources, request, block, count).forEach((column, s) => columns[s]!.set(column, from));
  }
  return columns;
}

/** Runs the Monte Carlo in this thread and keeps its draws and per-iteration outputs. */
export function keptRun(scenario: Scenario, request: MonteCarloRequest): KeptRun {
  const plan = simulationPlan(scenario, request);
  const layout = simulationLayout(plan);
  const out = createOutput(layout, outputShape(scenario, request, plan, true));
  const sources = drawSources(scenario);
  const draws = runDrawsOf(sources, request);
  simulateBlocks(
    scenario,
    request,
    plan,
    layout,
    out,
    Array.from({ length: blockCount(request.iterations) }, (_, b) => b),
    draws,
  );
  const columns = inputColumns(scenario, new Map(sources.map((s, i) => [s.path, draws[i]!])), request.iterations);
  return { request, plan, layout, out, sources, draws, columns };
}

function at(column: Float64Array | number, i: number): number {
  return typeof column === 'number' ? column : column[i]!;
}

/** The scenario's monitoring periods with the model months each covers. */
export function countedPeriods(scenario: Scenario): CountedPeriod[] {
  const start = buildInputs(scenario, centralValues(scenario)).start;
  return scenario.monitoring.map(({ from, to, ...counts }) => ({ ...counts, months: periodMonths(start, from, to) }));
}

/**
 * The tornado after the update: each uncertain input swung between its weighted P10 and P90 over
 * the draws, the rest at the scenario's central values (as before the update), widest first.
 */
function weightedTornado(scenario: Scenario, run: KeptRun, weights: Float64Array): TornadoBar[][] {
  const bars: TornadoBar[][] = Array.from({ length: run.layout.options }, () => []);
  run.sources.forEach((source, s) => {
    const [low, high] = weightedQuantiles(run.draws[s]!, weights, [0.1, 0.9]);
    const npvAt = (value: number): number[] => regionNpvByOption(buildInputs(scenario, valuesWith(scenario, { [source.path]: value })));
    const atLow = npvAt(low!);
    const atHigh = npvAt(high!);
    for (let k = 0; k < bars.length; k++)
      bars[k]!.push({ input: source.path, low: low!, high: high!, npvAtLow: atLow[k]!, npvAtHigh: atHigh[k]! });
  });
  for (const list of bars) list.sort((a, b) => Math.abs(b.npvAtHigh - b.npvAtLow) - Math.abs(a.npvAtHigh - a.npvAtLow));
  return bars;
}

/** Every option's Monte Carlo result with the draws weighted. */
export function weightedMonteCarlo(
  scenario: Scenario,
  run: KeptRun,
  weights: Float64Array,
  effectiveSampleSize: number,
): MonteCarloResult[] {
  const bars = weightedTornado(scenario, run, weights);
  return run.layout.terms.map((_, k) => {
    const perspectives = summariseOptionWeighted(run.out, run.layout, run.plan.base, k, weights);
    return {
      ...monteCarloResult(run.request, perspectives, bars[k]!),
      warnings: precisionWarnings(perspectives.region!, Math.round(effectiveSampleSize)),
    };
  });
}

/**
 * Per draw, what a year of monitoring counts in the first extension year would be expected to
 * show: referrals in months T .. T + 11 (T = the fixed term's months), and the children followed
 * up then, i.e. those who started in months T - 12 .. T - 1 of the draw's waiting list.
 */
export function firstExtensionYearRates(run: KeptRun): Parameters<typeof simulateYearOfCounts>[1] {
  const n = run.request.iterations;
  const c = run.columns;
  const term = fixedTermMonths(run.plan.base);
  const yearMonths = Array.from({ length: 12 }, (_, j) => ({ month: term + j, share: 1 }));
  const rates = {
    referralMean: new Float64Array(n),
    followedUpMean: new Float64Array(n),
    breakdownProbability: new Float64Array(n),
    residentialEscalation: new Float64Array(n),
  };
  let lastKey = '';
  let followed = 0;
  for (let i = 0; i < n; i++) {
    const referralsPerYear = at(c.referralsPerYear, i);
    const referralGrowth = at(c.referralGrowth, i);
    const capacityPerMonth = at(c.capacityPerMonth, i);
    rates.referralMean[i] = referralMean(yearMonths, referralsPerYear, referralGrowth);
    const key = `${referralsPerYear}|${referralGrowth}|${capacityPerMonth}`;
    if (key !== lastKey) {
      const flows = simulateService(
        { referralsPerYear, referralGrowth, capacityPerMonth, maxWaitMonths: run.plan.base.maxWaitMonths },
        term,
      );
      followed = 0;
      for (let m = Math.max(0, term - 12); m < term; m++) followed += flows.starts[m]!;
      lastKey = key;
    }
    rates.followedUpMean[i] = followed;
    rates.breakdownProbability[i] = breakdownProbability(at(c.breakdownRisk, i), at(c.effectiveness, i), at(c.attribution, i));
    rates.residentialEscalation[i] = at(c.residentialEscalation, i);
  }
  return rates;
}

/** EVPI, EVPPI of every uncertain input and the value of waiting a year, from a kept run. */
export function valueOfInformation(run: KeptRun, weights: Float64Array | null, effectiveSampleSize: number): ValueOfInformationResult {
  const npv = regionNpvColumns(run.out, run.layout);
  const evppi: Record<string, number> = {};
  run.sources.forEach((source, s) => {
    evppi[source.path] = expectedValueOfPartialPerfectInformation(run.draws[s]!, npv, weights);
  });
  const counts = simulateYearOfCounts(createRng(deriveSeed(run.request.seed, 'wait-one-year')), firstExtensionYearRates(run));
  return {
    perspective: 'region',
    afterUpdate: weights !== null,
    evpi: expectedValueOfPerfectInformation(npv, weights),
    evppi,
    waitOneYear: waitOneYear(countSummaries(counts), npv, weights),
    iterations: run.request.iterations,
    effectiveSampleSize,
  };
}

/** What a Monte Carlo run with information adds to the results. */
export interface MonteCarloWithInformation {
  /** Each option's Monte Carlo result before any update (the run asked for). */
  monteCarlo: MonteCarloResult[];
  /** Present when the scenario has monitoring periods; updatedOptions left empty for the caller. */
  monitoring?: MonitoringResult;
  /** Each option's Monte Carlo result after the update, when there was one. */
  updatedMonteCarlo?: MonteCarloResult[];
  valueOfInformation: ValueOfInformationResult;
  /** Every perspective's decision on the run's draws (section 18), before any update. */
  decision: Record<string, PerspectiveDecision>;
  /** The decision on the weighted draws, after a monitoring update. */
  updatedDecision?: Record<string, PerspectiveDecision>;
  /** The budget tables with the net budget effect's percentiles from the run. */
  budget: Record<string, OptionBudget[]>;
  decisionMap: DecisionMap | null;
  /** The tornado of the headline option for the headline perspective (section 19's count of assumptions at its top). */
  headlineTornado: TornadoBar[];
}

/** The decision, budget and map of a run (section 18), with the value of information they follow from. */
function withDecision(
  scenario: Scenario,
  first: KeptRun,
  result: Omit<MonteCarloWithInformation, 'decision' | 'budget' | 'decisionMap' | 'headlineTornado'>,
  updated?: { run: KeptRun; weights: Float64Array },
): MonteCarloWithInformation {
  return {
    ...result,
    decision: monteCarloDecision(scenario, first),
    ...(updated ? { updatedDecision: monteCarloDecision(scenario, updated.run, updated.weights) } : {}),
    budget: monteCarloBudget(scenario, first),
    decisionMap: decisionMap(scenario, result.valueOfInformation.evppi),
    headlineTornado: headlineTornado(scenario),
  };
}

/**
 * The Monte Carlo run with the update on the scenario's monitoring counts (rerun with more draws,
 * up to settings.maxIterations, when the effective sample size is below 1,000) and the value of
 * information, weighted after the update.
 */
export function runMonteCarloWithInformation(
  scenario: Scenario,
  request: MonteCarloRequest,
  settings: InformationSettings = DEFAULT_INFORMATION_SETTINGS,
): MonteCarloWithInformation {
  const first = keptRun(scenario, request);
  const monteCarlo = summarise(scenario, request, first.plan, first.layout, first.out);
  if (scenario.monitoring.length === 0) {
    return withDecision(scenario, first, { monteCarlo, valueOfInformation: valueOfInformation(first, null, request.iterations) });
  }
  const periods = countedPeriods(scenario);
  let run = first;
  let update = updateWeights(periods, run.columns, request.iterations);
  const warnings: UpdateWarning[] = [];
  if (update.effectiveSampleSize < MIN_EFFECTIVE_SAMPLE_SIZE && request.iterations < settings.maxIterations) {
    const wanted = Math.ceil((request.iterations * TARGET_EFFECTIVE_SAMPLE_SIZE) / Math.max(update.effectiveSampleSize, 1));
    const iterations = Math.min(settings.maxIterations, wanted);
    run = keptRun(scenario, { ...request, iterations });
    update = updateWeights(periods, run.columns, iterations);
    warnings.push({ code: 'more-draws-used', requestedIterations: request.iterations, iterations, cap: settings.maxIterations });
  }
  const n = run.request.iterations;
  const ess = update.effectiveSampleSize;
  const expected = periods.map((period) => expectedCounts(period, run.columns, n));
  const monitoring: MonitoringResult = {
    periods: scenario.monitoring.map(({ from, to, ...observed }, p) => ({ from, to, observed, expected: expected[p]! })),
    effectiveSampleSize: ess,
    iterations: n,
    updatedOptions: [],
    tracking: trackAgainstExpected(periods, run.columns, n),
    illustrative: scenario.monitoringIllustrative,
    warnings,
  };
  if (ess === 0) {
    warnings.push({ code: 'observations-impossible', iterations: n });
    return withDecision(scenario, first, {
      monteCarlo,
      monitoring,
      valueOfInformation: valueOfInformation(first, null, request.iterations),
    });
  }
  if (ess < MIN_EFFECTIVE_SAMPLE_SIZE)
    warnings.push({ code: 'low-effective-sample-size', effectiveSampleSize: ess, iterations: n, threshold: MIN_EFFECTIVE_SAMPLE_SIZE });
  if (ess < MIN_EFFECTIVE_SHARE * n)
    warnings.push({ code: 'low-effective-share', effectiveSampleSize: ess, iterations: n, share: ess / n, threshold: MIN_EFFECTIVE_SHARE });
  return withDecision(
    scenario,
    first,
    {
      monteCarlo,
      monitoring,
      updatedMonteCarlo: weightedMonteCarlo(scenario, run, update.weights, ess),
      valueOfInformation: valueOfInformation(run, update.weights, ess),
    },
    { run, weights: update.weights },
  );
}

/** The results' `monitoring` section with updatedOptions: the deterministic parts as before, Monte Carlo after the update. */
export function withUpdatedOptions(
  monitoring: MonitoringResult,
  options: readonly OptionResult[],
  updated: readonly MonteCarloResult[] | undefined,
): MonitoringResult {
  if (!updated) return monitoring;
  return { ...monitoring, updatedOptions: options.map((option, k) => ({ ...option, monteCarlo: updated[k] })) };
}
