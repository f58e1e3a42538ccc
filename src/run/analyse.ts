/**
 * One full analysis of a scenario: the deterministic results, and the Monte Carlo when asked for,
 * with the monitoring update and the value of information (shared/model.md section 15).
 */
import type { Results } from '../model/results';
import type { Scenario } from '../scenario/types';
import { deterministicResults } from './deterministic';
import { runMonteCarloWithInformation, withUpdatedOptions } from './information';
import { monteCarloRequest } from './montecarlo';

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
    const run = runMonteCarloWithInformation(scenario, request);
    results.options.forEach((option, k) => {
      option.monteCarlo = run.monteCarlo[k];
    });
    if (run.monitoring) results.monitoring = withUpdatedOptions(run.monitoring, results.options, run.updatedMonteCarlo);
    results.valueOfInformation = run.valueOfInformation;
    results.decision = run.decision;
    if (run.updatedDecision) results.updatedDecision = run.updatedDecision;
    results.budget = run.budget;
    results.decisionMap = run.decisionMap;
    results.headlineTornado = run.headlineTornado;
  }
  return results;
}
