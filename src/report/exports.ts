/**
 * The results CSV with the run stamp on every row (seed, iterations, changes, when it ran), so a
 * row pasted elsewhere still says where it came from. Built on csv.ts's rows and writer.
 */
import type { Results } from '../model/results';
import { csvSections, resultRows, toCsv } from './csv';
import { budgetRows, decisionMapRows, decisionRows, type Cell } from './decisionExport';
import { decisionSections } from './decisionResults';
import { moneyBasisSentence } from './moneyBasis';
import { informationRows } from './informationExport';
import type { RunStamp } from './stamp';

/** A table with the stamp's columns added to its header and every row. */
function stamped(table: Cell[][], head: readonly string[], extra: readonly Cell[]): Cell[][] {
  const [first, ...rows] = table;
  return [[...first!, ...head], ...rows.map((row) => [...row, ...extra])];
}

/**
 * One row per option, perspective and financial year, then the stamp's columns; for v1.2 results
 * the decision, budget and decision map tables follow (as in resultsCsv), stamped the same way.
 */
export function stampedResultsCsv(results: Results, stamp: RunStamp): string {
  const extra = [stamp.seed, stamp.iterations, stamp.changes.join('; '), stamp.ranAt];
  return csvSections([
    stamped(resultRows(results), ['seed', 'iterations', 'changes', 'ranAt'], extra),
    stamped(decisionRows(results), ['seed', 'iterations', 'changes', 'ran_at'], extra),
    stamped(budgetRows(results), ['seed', 'iterations', 'changes', 'ran_at'], extra),
    stamped(decisionMapRows(results), ['seed', 'iterations', 'changes', 'ran_at'], extra),
  ]);
}

/**
 * The monitoring and value-of-information figures (results-information.csv), stamped the same way;
 * for v1.2 results each row also states the money basis (section 17) in a last column.
 */
export function stampedInformationCsv(results: Results, stamp: RunStamp): string {
  const [head, ...rows] = informationRows(results);
  const basis = decisionSections(results)?.moneyBasis;
  const extra = [results.scenario.name, results.scenario.hash, stamp.seed, stamp.iterations, stamp.changes.join('; '), stamp.ranAt, ...(basis ? [moneyBasisSentence(basis)] : [])];
  const extraHead = ['scenario', 'scenarioHash', 'seed', 'iterations', 'changes', 'ranAt', ...(basis ? ['moneyBasis'] : [])];
  return toCsv([[...head!, ...extraHead], ...rows.map((row) => [...row, ...extra])]);
}
