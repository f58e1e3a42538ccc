/**
 * Runs of scenarios on the worker pool, remembered by what determines their figures (the
 * structured identity of the file's text and its changes, the iterations and the seed), so a page
 * asked for twice, the scenarios list and the exports of a run never compute it twice. A page
 * that cannot wait shows progress and asks again; the run goes on meanwhile. Each run is started
 * for the client of the request that asked (its address), so the pool can queue clients fairly.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Request, RequestHandler } from 'express';
import type { Results } from '../model/results';
import { monteCarloRequest, type MonteCarloRequest } from '../run/montecarlo';
import { runRefusal, RunTooLargeError, WEB_BUDGET } from '../run/cost';
import { BusyError, ClientBusyError } from '../run/pool';
import { checkedResults } from '../report/integrity';
import { scenarioIdentity } from '../scenario/hash';
import { loadScenario } from '../scenario/load';
import type { Scenario } from '../scenario/types';

/** Runs a scenario; `client` names whose queue share the run counts against (none: the server's own). */
export type Analyse = (scenario: Scenario, request: MonteCarloRequest, client?: string) => Promise<Results>;

/** The request being handled, for the runs it starts (its client is worked out when a run starts, after sign-in). */
const currentRequest = new AsyncLocalStorage<Request>();

/**
 * Who a request is from, for fair queueing: the signed-in session, else the address (Express's
 * req.ip, which follows the `trust proxy` setting).
 * clientOf({ ip: '10.0.0.7' }) -> "address:10.0.0.7"
 */
export function clientOf(req: Pick<Request, 'ip'> & Partial<Pick<Request, 'session' | 'sessionID'>>): string {
  if (req.session?.user !== undefined && req.sessionID !== undefined) return `session:${req.sessionID}`;
  return `address:${req.ip ?? 'unknown'}`;
}

/** Middleware: the runs a request starts count against its client's share of the queue. */
export function runClient(): RequestHandler {
  return (req, _res, next) => currentRequest.run(req, next);
}

/** The client of the request being handled, if any. */
function currentClient(): string | undefined {
  const req = currentRequest.getStore();
  return req === undefined ? undefined : clientOf(req);
}

export interface Run {
  key: string;
  startedAt: Date;
  promise: Promise<Results>;
  results?: Results;
  finishedAt?: Date;
  error?: unknown;
}

export interface Runner {
  /** The run for this scenario and request: the remembered one, or a new one started now. */
  start(scenario: Scenario, request: MonteCarloRequest): Run;
  /** Waits up to `ms` for the run; true when it has finished (with results or an error). */
  settled(run: Run, ms: number): Promise<boolean>;
}

/** How long a failed run's error is shown before asking again starts a new run (milliseconds). */
export const RETRY_FAILED_AFTER_MS = 30_000;

const identities = new WeakMap<object, string>();

/** The scenario's structured identity (its text and changes), worked out once per loaded scenario. */
function identityOf(scenario: Pick<Scenario, 'text' | 'overrides'>): string {
  let identity = identities.get(scenario);
  if (identity === undefined) {
    identity = scenarioIdentity(scenario.text, scenario.overrides ?? []);
    identities.set(scenario, identity);
  }
  return identity;
}

/**
 * The key a run is remembered by: the scenario's identity (never its 12-digit hash, and never the
 * text and changes run together), the iterations and the seed, as JSON so no part can pass for another.
 */
export function runKey(scenario: Pick<Scenario, 'text' | 'overrides'>, request: Pick<MonteCarloRequest, 'iterations' | 'seed'>): string {
  return JSON.stringify([identityOf(scenario), request.iterations, typeof request.seed, String(request.seed)]);
}

/** A runner over `analyse` remembering the last `capacity` runs. */
export function createRunner(analyse: Analyse, now: () => Date = () => new Date(), capacity = 64): Runner {
  const runs = new Map<string, Run>();

  function remember(run: Run): void {
    runs.delete(run.key);
    runs.set(run.key, run);
    while (runs.size > capacity) runs.delete(runs.keys().next().value!);
  }

  return {
    start(scenario, request) {
      const key = runKey(scenario, request);
      const known = runs.get(key);
      // A running or finished one is reused. A failed run is tried again when asked for again, but
      // not at once: the progress page's poll and reload must see the failure, not restart the run.
      const failedLongAgo = known?.error !== undefined && now().getTime() - known.finishedAt!.getTime() >= RETRY_FAILED_AFTER_MS;
      if (known !== undefined && !failedLongAgo) {
        remember(known);
        return known;
      }
      const run: Run = { key, startedAt: now(), promise: Promise.resolve() as unknown as Promise<Results> };
      // Results that fail the integrity check become a failed run (an internal error), never a wrong chart.
      // A run past the web's budget is refused before it starts, whichever way it was asked for
      // (a file, a link's changes, the API); the pool checks again for its other callers.
      const refusal = runRefusal(scenario, request, WEB_BUDGET);
      const analysed = refusal === undefined ? analyse(scenario, request, currentClient()) : Promise.reject(new RunTooLargeError(refusal));
      run.promise = analysed.then(checkedResults).then(
        (results) => {
          run.results = results;
          run.finishedAt = now();
          return results;
        },
        (error: unknown) => {
          run.error = error;
          run.finishedAt = now();
          // A busy pool or a client over its share is not the run's fault: forget it at once so the
          // next request tries again.
          if ((error instanceof BusyError || error instanceof ClientBusyError) && runs.get(key) === run) runs.delete(key);
          throw error;
        },
      );
      run.promise.catch(() => undefined);
      remember(run);
      return run;
    },
    async settled(run, ms) {
      if (run.finishedAt !== undefined) return true;
      let timer: NodeJS.Timeout | undefined;
      const waited = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), ms);
      });
      const finished = run.promise.then(
        () => true as const,
        () => true as const,
      );
      try {
        return await Promise.race([finished, waited]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/**
 * Starts a run of every bundled scenario file in `dir` (never a saved one: a saved file's heavy
 * settings must not run when the server starts), so the first visit to the list is quick.
 * Resolves when they have finished; a file that does not load or a run that fails is skipped.
 * @example await warmUp(services.runner, 'scenarios') // the bundled headlines are remembered
 */
export async function warmUp(runner: Runner, dir: string): Promise<number> {
  const files = (await readdir(dir)).filter((file) => /^[a-z0-9-]+\.ya?ml$/.test(file)).sort();
  const runs = await Promise.all(
    files.map(async (file) => {
      const loaded = loadScenario(await readFile(path.join(dir, file), 'utf8'), file);
      return loaded.ok
        ? runner.start(loaded.scenario, monteCarloRequest(loaded.scenario)).promise.then(
            () => 1,
            () => 0,
          )
        : 0;
    }),
  );
  return runs.reduce<number>((sum, done) => sum + done, 0);
}
