/**
 * One full analysis of a scenario: the deterministic results, and the Monte Carlo when asked for.
 */
import type { Results } from '../model/results';
import type { Scenario } from '../scenario/types';
import { deterministicResults } from './deterministic';
import { monteCarloRequest, runMonteCarloInProcess } from './montecarlo';

export interface RunOptions {
  /** Monte Carlo iterations; 0 turns it off; default: the scenario's monte_carlo.iterations. */
  iterations?: number;
  seed?: number | string;
}

/** Runs `scenario`: always the deterministic projection, and Monte Carlo when iterations > 0. */
export async function runScenario(scenario: Scenario, options: RunOptions = {}): Promise<Results> {
  const results = deterministicResults(scenario);
  const request = monteCarloRequest(scenario, options);
  if (request.iterations > 0) {
    const monteCarlo = runMonteCarloInProcess(scenario, request);
    results.options.forEach((option, k) => {
      option.monteCarlo = monteCarlo[k];
    });
  }
  return results;
}
