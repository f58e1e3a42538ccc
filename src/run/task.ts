/**
 * What a worker thread does for a Monte Carlo run: draw whole-run samples, simulate blocks, or
 * summarise options, reading and writing the run's shared buffers. Checking a scenario's text for
 * the edit page runs on the same threads but from the loader's bundle (load-task.ts), so the
 * parser and validator (yaml, zod, mathjs: about 110 MB a thread) load only on a thread that has
 * checked a text, never for a run.
 */
import type { Results, TornadoBar } from '../model/results';
import { deterministicResults } from './deterministic';
import { runMonteCarloWithInformation, type MonteCarloWithInformation } from './information';
import { createOutput, simulationLayout } from '../model/simulate';
import { lentScratchAt, lentScratchBytes, summarisePerspectives, withLentScratch, type PerspectiveSummary } from '../model/summarise';
import { fromPortable, toPortable, type PortableScenario } from '../scenario/portable';
import { scenarioIdentity } from '../scenario/hash';
import type { Scenario } from '../scenario/types';
import { drawSources } from './draws';
import { outputShape, simulateBlocks, simulationPlan, tornado, type MonteCarloRequest } from './montecarlo';
import { correlateDraws, drawPiece, drawPieceCount, lentColumns } from './sampling';

/** A scenario as plain data, so it can cross to a worker (formulas are rebuilt there). */
export type ScenarioSource = PortableScenario;

export type Task =
  | {
      kind: 'draws';
      /**
       * The step of the whole-run draws (sampling.ts): 'pieces' on every thread, each piece
       * claimed like a block, then 'correlate' on one thread.
       */
      step: 'pieces' | 'correlate';
      source: ScenarioSource;
      request: MonteCarloRequest;
      draws: SharedArrayBuffer;
      /** For 'pieces': the counter the threads claim pieces from. */
      claims?: SharedArrayBuffer;
      /**
       * For 'correlate': the run's output, not yet written, lent as Iman-Conover's working memory
       * (zeroed again after), so the step takes none of its own beside the draws.
       */
      scratch?: SharedArrayBuffer;
    }
  | {
      kind: 'simulate';
      source: ScenarioSource;
      request: MonteCarloRequest;
      /** Blocks 0 .. blocks - 1, each claimed by whichever thread is free (see claims). */
      blocks: number;
      claims: SharedArrayBuffer;
      output: SharedArrayBuffer;
      draws?: SharedArrayBuffer;
    }
  | {
      kind: 'summarise';
      source: ScenarioSource;
      request: MonteCarloRequest;
      /** What to summarise: an option and some of its perspectives, each item claimed like a block. */
      items: [option: number, perspectives: number[]][];
      claims: SharedArrayBuffer;
      output: SharedArrayBuffer;
      withTornado: boolean;
      /**
       * Memory the run no longer needs (its whole-run draws) to lend the summaries as scratch, at
       * lentScratchBytes(iterations) x `thread` from its start; none when absent.
       */
      scratch?: SharedArrayBuffer;
      thread?: number;
    }
  | { kind: 'warm' }
  | { kind: 'deterministic'; source: ScenarioSource }
  | { kind: 'information'; source: ScenarioSource; request: MonteCarloRequest }
  | { kind: 'crash'; how: 'throw' | 'exit' | 'memory' | 'hang' };

export interface SummariseResult {
  /** By option, then perspective name; council placements are filled in once every thread's are together. */
  perspectives: Record<number, Record<string, PerspectiveSummary>>;
  tornado?: TornadoBar[][];
}

/** What a worker needs to rebuild the same scenario. */
export function scenarioSource(scenario: Scenario): ScenarioSource {
  return toPortable(scenario);
}

let cached: { identity: string; scenario: Scenario } | null = null;

/**
 * The scenario a task names, rebuilt once per scenario. Remembered by the structured identity of
 * its text and changes (scenarioIdentity), not by the 12-digit hash people read.
 */
export function scenarioFor(source: ScenarioSource): Scenario {
  const identity = scenarioIdentity(source.text, source.overrides ?? []);
  if (cached?.identity === identity) return cached.scenario;
  const scenario = fromPortable(source);
  cached = { identity, scenario };
  return scenario;
}

/** Views of whole-run draws in a shared buffer: one column per source. */
export function drawViews(buffer: SharedArrayBuffer, sources: number, iterations: number): Float64Array[] {
  return Array.from({ length: sources }, (_, s) => new Float64Array(buffer, s * iterations * 8, iterations));
}

/** Runs one task (in a worker thread, or inline). */
export function runTask(task: Task): SummariseResult | Results | MonteCarloWithInformation | null {
  if (task.kind === 'warm') {
    // A thread's garbage collected now when the process allows it (node --expose-gc, as the bench
    // runs): the bench collects the warm-up runs' garbage in every thread before the measured run.
    (globalThis as { gc?: () => void }).gc?.();
    return null;
  }
  if (task.kind === 'crash') return crash(task.how);
  const scenario = scenarioFor(task.source);
  if (task.kind === 'deterministic') return deterministicResults(scenario);
  if (task.kind === 'information') return runMonteCarloWithInformation(scenario, task.request);
  const request = task.request;
  const sources = drawSources(scenario);
  if (task.kind === 'draws') {
    const columns = drawViews(task.draws, sources.length, request.iterations);
    if (task.step === 'correlate') {
      const working = task.scratch ? lentColumns(task.scratch) : undefined;
      correlateDraws(sources, request, columns, working);
      if (working) new Uint8Array(task.scratch!, 0, working.used()).fill(0);
    } else for (const piece of claimed(task.claims!, drawPieceCount(sources, request))) drawPiece(sources, request, columns, piece);
    return null;
  }
  const plan = simulationPlan(scenario, request);
  const layout = simulationLayout(plan);
  const out = createOutput(layout, outputShape(scenario, request, plan, false), task.output);
  if (task.kind === 'simulate') {
    const draws = task.draws ? drawViews(task.draws, sources.length, request.iterations) : undefined;
    simulateBlocks(scenario, request, plan, layout, out, claimed(task.claims, task.blocks), draws);
    return null;
  }
  // The tornado first, so the other threads claim more of the summaries meanwhile.
  const tornadoBars = task.withTornado ? tornado(scenario) : undefined;
  const perspectives: SummariseResult['perspectives'] = {};
  const lent = task.scratch
    ? lentScratchAt(task.scratch, lentScratchBytes(request.iterations) * task.thread!, request.iterations)
    : undefined;
  withLentScratch(lent, () => {
    for (const item of claimed(task.claims, task.items.length)) {
      const [option, mine] = task.items[item]!;
      perspectives[option] = { ...perspectives[option], ...summarisePerspectives(out, layout, plan.base, option, mine) };
    }
  });
  return { perspectives, tornado: tornadoBars };
}

/**
 * The numbers 0 .. count - 1 that this thread claims, each from a counter the threads of one run
 * share (Atomics.add hands each number to exactly one of them): a thread that finishes early takes
 * the next, so no thread waits on another's longer share. Which thread does a block never changes
 * what is written for it.
 */
export function* claimed(claims: SharedArrayBuffer, count: number): Generator<number> {
  const counter = new Int32Array(claims, 0, 1);
  for (;;) {
    const next = Atomics.add(counter, 0, 1);
    if (next >= count) return;
    yield next;
  }
}

/** Deliberate failures, for testing that the pool survives them. */
function crash(how: 'throw' | 'exit' | 'memory' | 'hang'): never {
  if (how === 'throw') throw new Error('deliberate failure');
  if (how === 'exit') process.exit(1);
  if (how === 'memory') {
    const hoard: number[][] = [];
    for (;;) hoard.push(new Array<number>(1e6).fill(1));
  }
  for (;;) {
    // spin until the pool's time limit stops this thread
  }
}
