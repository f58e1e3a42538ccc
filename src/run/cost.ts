/**
 * What a run will cost, worked out from the scenario before it starts, and the refusal of a run
 * that would pass the budget: the work (simulations x months x options x perspectives, more with
 * process variability, in proportion to the children a month) and the memory (the engine's output
 * arrays, as src/model/simulate.ts's outputBytes sizes them, the whole-run draws and the kept
 * information run). A refusal names the setting to lower; it is the user's to fix (HTTP 422 on the
 * web, exit 1 on the command line), never a failure of the tool.
 */
import { outputBytes, simulationLayout } from '../model/simulate';
import type { Scenario } from '../scenario/types';
import { drawSources } from './draws';
import { DEFAULT_MAX_ITERATIONS } from './information';
import { costShapeVariesIn, drawsByBlock, fewCostShapesIn, simulationPlan, type MonteCarloRequest } from './montecarlo';

/** What a run may cost at most. */
export interface CostBudget {
  /** Work units (see RunCost.work); WORK_PER_SECOND of them take about a second of one thread. */
  work: number;
  /** Bytes held at once by the run's arrays. */
  memoryBytes: number;
}

/**
 * The web's budget: at most about 40 seconds of one thread and 400 MB of arrays, so the runs on
 * two threads stay well inside the server's 1.5 GB whatever a link or a file asks for. A million
 * simulations of the bundled scenarios fit; ten million, or ten extension years at a million, do not.
 */
export const WEB_BUDGET: Readonly<CostBudget> = { work: 40_000_000_000, memoryBytes: 400 * 1024 * 1024 };

/** The command line's budget: the user's own machine, so ten times the web's work and 4 GB. */
export const COMMAND_LINE_BUDGET: Readonly<CostBudget> = { work: 400_000_000_000, memoryBytes: 4 * 1024 * 1024 * 1024 };

/** The figures a run's cost is worked out from, and the cost. */
export interface RunCost {
  iterations: number;
  /** Months simulated: the longest option's term plus the longest placement's tail. */
  months: number;
  options: number;
  /** The region and each council. */
  perspectives: number;
  processVariability: boolean;
  /** Children referred a month at the central values, at the end of the horizon (with growth). */
  childrenPerMonth: number;
  /**
   * Work units: (simulations + INFORMATION_WORK x the kept ones) x months x options x perspectives,
   * times a factor growing with the children a month under process variability.
   */
  work: number;
  memoryBytes: number;
}

/**
 * Largest run kept whole for monitoring updates and the value of information (RunPool does a
 * larger run's Monte Carlo on every thread and its information on this many draws).
 */
export const INFORMATION_ITERATIONS = 50_000;

/**
 * Draws a kept information run may hold: INFORMATION_ITERATIONS, or with monitoring counts up to
 * the information run's own limit (it draws more when the counts leave few effective draws).
 */
function keptIterations(scenario: Scenario, iterations: number): number {
  if (iterations === 0) return 0;
  return scenario.monitoring.length > 0
    ? Math.max(Math.min(iterations, INFORMATION_ITERATIONS), DEFAULT_MAX_ITERATIONS)
    : Math.min(iterations, INFORMATION_ITERATIONS);
}

/** Bytes a kept information run holds per iteration beyond the output arrays: draws and input columns, twice over. */
const KEPT_BYTES_PER_SOURCE = 16;
/** Input columns a kept run holds (one per model input, about 30). */
const KEPT_COLUMNS = 32;

/**
 * How much more a kept simulation costs than a plain one: the kept run also works out the
 * decision, the value of information and the decision map on every draw (measured: 50,000 kept
 * draws of class-central take about 3.6 s, 1,000,000 plain ones about 2 s of one thread).
 */
export const INFORMATION_WORK = 30;

/** How a run is done: on the web a run past INFORMATION_ITERATIONS keeps only that many; the command line keeps all. */
export interface RunShape {
  keepsEveryDraw?: boolean;
}

/**
 * The cost of a run of `scenario` as `request` asks.
 * @example runCost(classCentral, { iterations: 10_000, ... }).work // (10,000 + 30 x 10,000 kept) x 99 months x 5 options x 4 perspectives = 613,800,000
 */
export function runCost(scenario: Scenario, request: MonteCarloRequest, shape: RunShape = {}): RunCost {
  const plan = simulationPlan(scenario, request);
  const layout = simulationLayout(plan);
  const months = layout.horizon;
  const options = layout.options;
  const perspectives = layout.perspectives.length;
  const years = months / 12;
  const growth = Math.max(0, plan.base.referralGrowth);
  const childrenPerMonth = (plan.base.referralsPerYear / 12) * Math.pow(1 + growth, years);
  const iterations = request.iterations;
  // With process variability each month of each simulation draws whole children (Poisson
  // referrals, binomial outcomes, a length for each placement); measured, the time is about x12.5
  // at 15 children a month and x117 at 83,000: 11 + 0.4 x the square root of the children.
  const perMonth = request.processVariability ? 11 + 0.4 * Math.sqrt(Math.max(0, childrenPerMonth)) : 1;
  const kept = shape.keepsEveryDraw ? iterations : keptIterations(scenario, iterations);
  const work = (iterations + INFORMATION_WORK * kept) * months * options * perspectives * perMonth;
  const sources = drawSources(scenario).length;
  const varies = costShapeVariesIn(scenario);
  const fewCostShapes = fewCostShapesIn(scenario);
  const fanIterations = plan.fanIterations;
  const keptRun =
    kept === 0
      ? 0
      : outputBytes(layout, {
          iterations: kept,
          fanIterations: Math.min(kept, fanIterations),
          costShapeVaries: varies,
          fewCostShapes,
          cashablePerDraw: true,
        }) +
        kept * (sources * KEPT_BYTES_PER_SOURCE + KEPT_COLUMNS * 8);
  // A run larger than the kept one also has its own output on every thread, and its whole-run
  // draws when they cannot be drawn block by block (rank correlations).
  const split = iterations > INFORMATION_ITERATIONS;
  const output = split
    ? outputBytes(layout, { iterations, fanIterations, costShapeVaries: varies, fewCostShapes, cashablePerDraw: false })
    : 0;
  const wholeRunDraws = split && !drawsByBlock(request) ? sources * iterations * 8 : 0;
  const memoryBytes = keptRun + output + wholeRunDraws;
  return { iterations, months, options, perspectives, processVariability: request.processVariability, childrenPerMonth, work, memoryBytes };
}

/**
 * The most simulations of this run that fit `budget`, rounded down to a round figure (0 when none
 * do): from the share of the budget the run takes, lowered by a tenth at a time while the cost
 * (not quite in proportion: the kept run is capped) still passes it.
 */
export function iterationsWithin(scenario: Scenario, request: MonteCarloRequest, budget: CostBudget, shape: RunShape = {}): number {
  const passes = (iterations: number): boolean => {
    const cost = runCost(scenario, { ...request, iterations }, shape);
    return cost.work > budget.work || cost.memoryBytes > budget.memoryBytes;
  };
  const full = runCost(scenario, request, shape);
  let fits = Math.floor(
    Math.min(
      request.iterations,
      (budget.work / full.work) * request.iterations,
      (budget.memoryBytes / Math.max(1, full.memoryBytes)) * request.iterations,
    ),
  );
  while (fits > 0 && passes(fits)) fits = Math.floor(fits * 0.9);
  const round = fits >= 10_000 ? 1_000 : fits >= 1_000 ? 100 : 10;
  return Math.floor(fits / round) * round;
}

/**
 * A run refused under a budget, as figures (the report layer words it: src/report/refusals.ts):
 * what it passes ('work' first, then 'memory'), the run's cost, the budget, and `within`, the most
 * simulations that would fit (0 when none, or not worked out).
 */
export interface CostRefusal {
  code: 'work' | 'memory';
  cost: RunCost;
  budget: CostBudget;
  within: number;
}

/**
 * Why `cost` is refused under `budget` (with `within`, the most simulations that would fit, when
 * above 0), or undefined when it fits.
 * @example costRefusal(runCost(classCentral, { iterations: 10_000_000, ... }), WEB_BUDGET, 505_000)
 *   // { code: 'work', cost, budget: WEB_BUDGET, within: 505_000 }
 */
export function costRefusal(cost: RunCost, budget: CostBudget, within = 0): CostRefusal | undefined {
  if (cost.work > budget.work) return { code: 'work', cost, budget, within };
  if (cost.memoryBytes > budget.memoryBytes) return { code: 'memory', cost, budget, within };
  return undefined;
}

/**
 * Work units one thread does in a second: 1,000,000 plain draws of class-central (1,980 units each)
 * take about 2 s of one thread on this 2-core machine (README, Speed and load).
 */
export const WORK_PER_SECOND = 1_000_000_000;

/** A run refused before it started because it would pass the budget: the user's to fix. */
export class RunTooLargeError extends Error {
  /** HTTP status: the request is understood but asks for more than is allowed. */
  readonly status = 422;
  readonly cost: RunCost;
  constructor(readonly refusal: CostRefusal) {
    // The message for logs only; what a person reads is worded by src/report/refusals.ts.
    super(
      `run too large (${refusal.code}): work ${refusal.cost.work} of ${refusal.budget.work}, ${refusal.cost.memoryBytes} bytes of ${refusal.budget.memoryBytes}`,
    );
    this.name = 'RunTooLargeError';
    this.cost = refusal.cost;
  }
}

/**
 * Throws RunTooLargeError when the run would pass `budget`.
 * @example checkRunCost(scenario, { ...request, iterations: 10_000_000 }, WEB_BUDGET) // throws
 */
export function checkRunCost(scenario: Scenario, request: MonteCarloRequest, budget: CostBudget, shape: RunShape = {}): RunCost {
  const refusal = runRefusal(scenario, request, budget, shape);
  if (refusal !== undefined) throw new RunTooLargeError(refusal);
  return runCost(scenario, request, shape);
}

/**
 * Why a run is refused under `budget`, with the most simulations that would fit, or undefined.
 * @example runRefusal(classCentral, { ...request, iterations: 10_000 }, WEB_BUDGET) // undefined
 */
export function runRefusal(
  scenario: Scenario,
  request: MonteCarloRequest,
  budget: CostBudget,
  shape: RunShape = {},
): CostRefusal | undefined {
  const cost = runCost(scenario, request, shape);
  if (costRefusal(cost, budget) === undefined) return undefined;
  return costRefusal(cost, budget, iterationsWithin(scenario, request, budget, shape));
}
