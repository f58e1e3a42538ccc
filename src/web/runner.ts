/**
 * Runs of scenarios on the worker pool, remembered by what determines their figures (the
 * scenario's hash, which covers the file and any changes, the iterations and the seed), so a page
 * asked for twice, the scenarios list and the exports of a run never compute it twice. A page
 * that cannot wait shows progress and asks again; the run goes on meanwhile.
 */
import type { Results } from '../model/results';
import type { MonteCarloRequest } from '../run/montecarlo';
import { BusyError } from '../run/pool';
import { checkedResults } from '../report/integrity';
import type { Scenario } from '../scenario/types';

export type Analyse = (scenario: Scenario, request: MonteCarloRequest) => Promise<Results>;

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

/** The key a run is remembered by. */
export function runKey(scenario: Pick<Scenario, 'hash'>, request: Pick<MonteCarloRequest, 'iterations' | 'seed'>): string {
  return `${scenario.hash}|${request.iterations}|${typeof request.seed}:${request.seed}`;
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
      run.promise = analyse(scenario, request).then(checkedResults).then(
        (results) => {
          run.results = results;
          run.finishedAt = now();
          return results;
        },
        (error: unknown) => {
          run.error = error;
          run.finishedAt = now();
          // A busy pool is not the run's fault: forget it at once so the next request tries again.
          if (error instanceof BusyError && runs.get(key) === run) runs.delete(key);
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
