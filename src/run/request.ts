/**
 * The settings of one Monte Carlo run, after the command line or form has had its say. Apart from
 * montecarlo.ts so the sampling can name them without importing the run that uses it.
 */
import type { Correlation } from '../scenario/types';

/** The settings of one run, after the command line or form has had its say. */
export interface MonteCarloRequest {
  iterations: number;
  seed: number | string;
  sampling: 'random' | 'latin_hypercube';
  processVariability: boolean;
  correlations: Correlation[];
}
