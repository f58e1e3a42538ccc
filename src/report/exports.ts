/**
 * The results CSV with the run stamp on every row (seed, iterations, changes, when it ran), so a
 * row pasted elsewhere still says where it came from. Built on csv.ts's rows and writer.
 */
import type { Results } from '../model/results';
import { resultRows, toCsv } from './csv';
import { informationRows } from './informationExport';
import type { RunStamp } from './stamp';

/** One row per option, perspective and financial year, then the stamp's columns. */
export function stampedResultsCsv(results: Results, stamp: RunStamp): string {
  const [head, ...rows] = resultRows(results);
  const extra = [stamp.seed, stamp.iterations, stamp.changes.join('; '), stamp.ranAt];
  return toCsv([[...head!, 'seed', 'iterations', 'changes', 'ranAt'], ...rows.map((row) => [...row, ...extra])]);
}

/** The monitoring and value-of-information figures (results-information.csv), stamped the same way. */
export function stampedInformationCsv(results: Results, stamp: RunStamp): string {
  const [head, ...rows] = informationRows(results);
  const extra = [results.scenario.name, results.scenario.hash, stamp.seed, stamp.iterations, stamp.changes.join('; '), stamp.ranAt];
  return toCsv([[...head!, 'scenario', 'scenarioHash', 'seed', 'iterations', 'changes', 'ranAt'], ...rows.map((row) => [...row, ...extra])]);
}
