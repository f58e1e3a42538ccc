/**
 * A bounded pool of worker threads for Monte Carlo runs (piscina), so a long run never blocks the
 * web server. A run is refused before it starts when its cost (src/run/cost.ts) passes the budget.
 * At most `threads` runs hold a place at once; the others wait in a queue bounded overall
 * (`maxQueue`) and for each client (`maxRunsPerClient`, running or waiting), and a freed place
 * goes to the waiting client with the fewest runs running, so one client's burst never holds up
 * another's run by more than one run. A run's time limit counts from when it gets its place, not
 * from when it joined the queue. A worker that throws, exits or runs out of memory is replaced.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { workerBundle } from './bundle';
import { checkRunCost, INFORMATION_ITERATIONS, WEB_BUDGET, type CostBudget } from './cost';
import type { MonteCarloResult, Results } from '../model/results';
import { outputBytes, simulationLayout } from '../model/simulate';
import { lentScratchBytes, withCouncilPlacements, type PerspectiveSummary } from '../model/summarise';
import type { Scenario } from '../scenario/types';
import { drawSources } from './draws';
import { drawPieceCount } from './sampling';
import { DrawNotFiniteError, nonFiniteDraw } from './drawCheck';
import {
  blockCount,
  contractCostVariesIn,
  drawsByBlock,
  monteCarloResult,
  simulationPlan,
  type MonteCarloRequest,
  outputShape,
} from './montecarlo';
import { withUpdatedOptions, type MonteCarloWithInformation } from './information';
import { scenarioSource, type ScenarioSource, type SummariseResult, type Task } from './task';
import type { Problem } from '../scenario/types';
import type { checkProblems } from './load-task';

export { INFORMATION_ITERATIONS } from './cost';

/** How long a check of a scenario's text may take, waiting for a thread included. */
export const CHECK_TIMEOUT_MS = 60_000;

export interface RunPoolOptions {
  /** Worker threads (default: the machine's cores). */
  threads?: number;
  /** Runs allowed to wait for a place before new runs are refused as busy (503). */
  maxQueue?: number;
  /** Runs one client may have running or waiting before its next is refused (429). */
  maxRunsPerClient?: number;
  /** What one run may cost (default: the web's budget). */
  budget?: CostBudget;
  /** Time limit of one run, in milliseconds. */
  timeoutMs?: number;
  /** Heap limit of each worker, in megabytes. */
  memoryMb?: number;
}

/**
 * Each worker's young generation (V8's nursery for short-lived objects), in megabytes. A run's
 * garbage is short-lived (a block's draws and input columns), and V8's default lets the nursery
 * grow to several times this. Measured at a million draws on two threads (uncertain demand): peak
 * memory 299 MB against 338 MB with the default in one pair of runs, 311-316 against 313-333 MB
 * in two more (on a busy machine), CPU time no higher (7.8 against 8.0-8.4 s).
 */
const YOUNG_GENERATION_MB = 8;

/** The pool is full: try again later (HTTP 503 with Retry-After). */
export class BusyError extends Error {
  constructor() {
    super('busy');
    this.name = 'BusyError';
  }
}

/**
 * One client has its share of runs running or waiting: it should try again later (HTTP 429 with
 * Retry-After); other clients are still served.
 */
export class ClientBusyError extends Error {
  /** HTTP status: too many requests from this client. */
  readonly status = 429;
  constructor(readonly runs: number) {
    super(`this client already has ${runs} runs running or waiting`);
    this.name = 'ClientBusyError';
  }
}

/** A run waiting for a place: whose it is, and how to let it start. */
interface Waiting {
  client: string | undefined;
  start: () => void;
}

/** A run went past its time limit and was stopped. */
export class RunTimeoutError extends Error {
  constructor(readonly limitMs: number) {
    super(`run stopped after ${limitMs} ms`);
    this.name = 'RunTimeoutError';
  }
}

/** A worker failed (crashed, ran out of memory) during a run; the pool goes on. */
export class RunFailedError extends Error {
  constructor(cause: unknown) {
    super(`the run failed: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'RunFailedError';
  }
}

export class RunPool {
  readonly threads: number;
  readonly maxQueue: number;
  readonly maxRunsPerClient: number;
  readonly timeoutMs: number;
  readonly budget: CostBudget;
  private readonly pool: Piscina;
  /** Runs holding a place (at most `threads`). */
  private running = 0;
  /** Runs waiting for a place, oldest first. */
  private readonly waiting: Waiting[] = [];
  /** Runs running or waiting, by client (its share). */
  private readonly byClient = new Map<string, number>();
  /** Runs running, by client (who goes next). */
  private readonly runningByClient = new Map<string, number>();
  /** When each client with runs last got a place (a count of places given), for taking turns. */
  private readonly lastStarted = new Map<string, number>();
  private placesGiven = 0;

  constructor(options: RunPoolOptions = {}) {
    this.threads = Math.max(1, options.threads ?? availableParallelism());
    this.maxQueue = options.maxQueue ?? 16;
    this.maxRunsPerClient = options.maxRunsPerClient ?? this.threads + 2;
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.budget = options.budget ?? WEB_BUDGET;
    this.pool = new Piscina({
      filename: workerBundle(),
      minThreads: this.threads,
      maxThreads: this.threads,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: options.memoryMb ?? 1024, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
  }

  /** Runs in progress or waiting. */
  get activeRuns(): number {
    return this.running + this.waiting.length;
  }

  /** Runs waiting for a place. */
  get queuedRuns(): number {
    return this.waiting.length;
  }

  /** Starts every worker thread now (so the first run does not pay for start-up). */
  async warm(): Promise<void> {
    await Promise.all(Array.from({ length: this.threads }, () => this.pool.run({ kind: 'warm' } satisfies Task)));
  }

  /**
   * The problems of a scenario's text (none when it loads), found on a worker so a large upload
   * never holds up the web server. Not a run: it takes no place in the run queue (it lasts
   * milliseconds), but waits for a free thread like any task, and fails after CHECK_TIMEOUT_MS.
   */
  async check(text: string, fileName: string): Promise<Problem[]> {
    return (await this.pool.run({ text, fileName } satisfies Parameters<typeof checkProblems>[0], {
      filename: workerBundle('load-task'),
      name: 'checkProblems',
      signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
    })) as Problem[];
  }

  /** Runs one task on a worker, failing as a whole when the signal aborts. */
  private run(task: Task, signal?: AbortSignal): Promise<SummariseResult | Results | MonteCarloWithInformation | null> {
    return this.pool.run(task, { signal });
  }

  /** Runs one task as a whole run (queue, time limit, failures reported); for tests of faults and queueing. */
  async runOne(task: Task, client?: string): Promise<SummariseResult | Results | MonteCarloWithInformation | null> {
    return this.guarded((signal) => this.run(task, signal), client);
  }

  /**
   * A Monte Carlo run on the workers: whole-run draws if needed, blocks split across threads
   * writing into one shared buffer, then summaries by option.
   */
  async monteCarlo(scenario: Scenario, request: MonteCarloRequest, client?: string): Promise<MonteCarloResult[]> {
    checkRunCost(scenario, request, this.budget);
    const source = scenarioSource(scenario);
    return this.explained(
      scenario,
      request,
      this.guarded((signal) => this.monteCarloSteps(source, scenario, request, signal), client),
    );
  }

  /**
   * The full results of a scenario, as the command line's JSON (shared/model.md section 9): the
   * deterministic projection with break-even figures, and Monte Carlo when iterations > 0, all
   * on worker threads. Refused (RunTooLargeError) before anything starts when it would pass the
   * budget; `client` (a session or an address) is whose queue share it counts against.
   */
  async analyse(scenario: Scenario, request: MonteCarloRequest, client?: string): Promise<Results> {
    checkRunCost(scenario, request, this.budget);
    const source = scenarioSource(scenario);
    return this.explained(
      scenario,
      request,
      this.guarded(async (signal) => {
        const deterministic = this.run({ kind: 'deterministic', source }, signal) as Promise<Results>;
        if (request.iterations === 0) return deterministic;
        // Monitoring and the value of information need every draw kept: one thread, at most
        // INFORMATION_ITERATIONS draws. A run that size is done there whole, as the command line does;
        // a larger one gets its Monte Carlo from all threads and its information from the capped run.
        const informationRequest = { ...request, iterations: Math.min(request.iterations, INFORMATION_ITERATIONS) };
        const information = this.run(
          { kind: 'information', source, request: informationRequest },
          signal,
        ) as Promise<MonteCarloWithInformation>;
        const monteCarlo =
          request.iterations > INFORMATION_ITERATIONS
            ? this.monteCarloSteps(source, scenario, request, signal)
            : information.then((i) => i.monteCarlo);
        const [results, info, mc] = await Promise.all([deterministic, information, monteCarlo]);
        results.options.forEach((option, k) => (option.monteCarlo = mc[k]));
        if (info.monitoring) results.monitoring = withUpdatedOptions(info.monitoring, results.options, info.updatedMonteCarlo);
        results.valueOfInformation = info.valueOfInformation;
        // The decision comes from the information run: every draw of a run up to INFORMATION_ITERATIONS,
        // the first INFORMATION_ITERATIONS draws of a larger one (the same draws with random sampling;
        // a Latin hypercube, or a correlation, of INFORMATION_ITERATIONS of its own otherwise).
        results.decision = info.decision;
        if (info.updatedDecision) results.updatedDecision = info.updatedDecision;
        results.budget = info.budget;
        results.decisionMap = info.decisionMap;
        results.headlineTornado = info.headlineTornado;
        return results;
      }, client),
    );
  }

  /**
   * A failed run of a scenario whose draws give an input that is not a finite number becomes a
   * DrawNotFiniteError naming the input and the draws (the user's to fix); any other failure stays.
   */
  private async explained<T>(scenario: Scenario, request: MonteCarloRequest, run: Promise<T>): Promise<T> {
    try {
      return await run;
    } catch (error) {
      if (!(error instanceof RunFailedError)) throw error;
      const reason = nonFiniteDraw(scenario, request);
      throw reason === undefined ? error : new DrawNotFiniteError(reason);
    }
  }

  /**
   * Waits for a place for a run of `client`: at once when one is free, else in the queue.
   * Refused when the client has its share (ClientBusyError) or the queue is full (BusyError).
   * Runs with no client count only against the overall queue.
   */
  private async place(client: string | undefined): Promise<void> {
    const mine = client === undefined ? 0 : (this.byClient.get(client) ?? 0);
    if (client !== undefined && mine >= this.maxRunsPerClient) throw new ClientBusyError(mine);
    if (this.running >= this.threads && this.waiting.length >= this.maxQueue) throw new BusyError();
    if (client !== undefined) this.byClient.set(client, mine + 1);
    if (this.running < this.threads) {
      this.started(client);
      return;
    }
    await new Promise<void>((start) => this.waiting.push({ client, start }));
  }

  private started(client: string | undefined): void {
    this.running++;
    if (client === undefined) return;
    this.runningByClient.set(client, (this.runningByClient.get(client) ?? 0) + 1);
    this.lastStarted.set(client, ++this.placesGiven);
  }

  /** Takes one from a client's count, forgetting the client at 0. */
  private static lower(counts: Map<string, number>, client: string): void {
    const left = (counts.get(client) ?? 1) - 1;
    if (left === 0) counts.delete(client);
    else counts.set(client, left);
  }

  /** Gives a freed place to the waiting run whose client has the fewest runs running, taking turns on a tie. */
  private release(client: string | undefined): void {
    if (client !== undefined) {
      RunPool.lower(this.byClient, client);
      RunPool.lower(this.runningByClient, client);
      if (!this.byClient.has(client)) this.lastStarted.delete(client);
    }
    this.running--;
    if (this.waiting.length === 0) return;
    // Fewest runs running first; on a tie, the client whose last run started longest ago (so
    // clients take turns); then the oldest. Runs for no client (the server's own warm-up) go last.
    const rank = (waiting: Waiting): [number, number] =>
      waiting.client === undefined
        ? [Infinity, 0]
        : [this.runningByClient.get(waiting.client) ?? 0, this.lastStarted.get(waiting.client) ?? 0];
    let next = 0;
    for (let i = 1; i < this.waiting.length; i++) {
      const [running, last] = rank(this.waiting[i]!);
      const [bestRunning, bestLast] = rank(this.waiting[next]!);
      if (running < bestRunning || (running === bestRunning && last < bestLast)) next = i;
    }
    const [chosen] = this.waiting.splice(next, 1);
    this.started(chosen!.client);
    chosen!.start();
  }

  /** Runs `work` as one run of `client`: queued fairly, stopped at the time limit (counted from its start). */
  private async guarded<T>(work: (signal: AbortSignal) => Promise<T>, client?: string): Promise<T> {
    await this.place(client);
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(new RunTimeoutError(this.timeoutMs)), this.timeoutMs);
    try {
      return await work(abort.signal);
    } catch (error) {
      if (abort.signal.aborted) throw new RunTimeoutError(this.timeoutMs);
      throw new RunFailedError(error);
    } finally {
      clearTimeout(timer);
      this.release(client);
    }
  }

  private async monteCarloSteps(
    source: ScenarioSource,
    scenario: Scenario,
    request: MonteCarloRequest,
    signal: AbortSignal,
  ): Promise<MonteCarloResult[]> {
    const plan = simulationPlan(scenario, request);
    const layout = simulationLayout(plan);
    const output = new SharedArrayBuffer(outputBytes(layout, outputShape(scenario, request, plan, false)));
    let draws: SharedArrayBuffer | undefined;
    if (!drawsByBlock(request)) {
      // Whole-run draws (rank correlations) in two steps (sampling.ts): the first on every thread.
      const sources = drawSources(scenario);
      draws = new SharedArrayBuffer(Math.max(8, sources.length * request.iterations * 8));
      // Iman-Conover works in the output's memory, which nothing has written yet (task.ts).
      const pieceClaims = new SharedArrayBuffer(4);
      await Promise.all(
        Array.from({ length: Math.min(this.threads, drawPieceCount(sources, request)) }, () =>
          this.run({ kind: 'draws', step: 'pieces', source, request, draws: draws!, claims: pieceClaims }, signal),
        ),
      );
      await this.run({ kind: 'draws', step: 'correlate', source, request, draws, scratch: output }, signal);
    }
    // Blocks, then summaries, claimed one at a time by whichever thread is free (task.ts claimed).
    const blocks = blockCount(request.iterations);
    const groups = Math.min(this.threads, blocks);
    const blockClaims = new SharedArrayBuffer(4);
    await Promise.all(
      Array.from({ length: groups }, () =>
        this.run({ kind: 'simulate', source, request, blocks, claims: blockClaims, output, draws }, signal),
      ),
    );
    // Summaries by option when the contract cost is the same in every iteration (one description
    // of avoided cost then serves every perspective), else by (option, perspective).
    const byOption = !contractCostVariesIn(scenario);
    const everyPerspective = layout.perspectives.map((_, p) => p);
    const items: [number, number[]][] = byOption
      ? layout.terms.map((_, k) => [k, everyPerspective])
      : layout.terms.flatMap((_, k) => everyPerspective.map((p) => [k, [p]] as [number, number[]]));
    const summaryClaims = new SharedArrayBuffer(4);
    const summaryThreads = Math.min(this.threads, items.length);
    // The whole-run draws are not read again: lent to the summaries as scratch when they are large enough.
    const scratch = draws && draws.byteLength >= summaryThreads * lentScratchBytes(request.iterations) ? draws : undefined;
    const summaries = await Promise.all(
      Array.from(
        { length: summaryThreads },
        (_, g) =>
          this.run(
            { kind: 'summarise', source, request, items, claims: summaryClaims, output, withTornado: g === 0, scratch, thread: g },
            signal,
          ) as Promise<SummariseResult>,
      ),
    );
    const tornado = summaries[0]!.tornado!;
    return layout.terms.map((_, k) => {
      const perspectives: Record<string, PerspectiveSummary> = Object.assign({}, ...summaries.map((s) => s.perspectives[k] ?? {}));
      const ordered = Object.fromEntries(layout.perspectives.map((name) => [name, perspectives[name]!]));
      return monteCarloResult(request, withCouncilPlacements(ordered, plan.base), tornado[k]!);
    });
  }

  async destroy(): Promise<void> {
    await this.pool.destroy();
  }
}
