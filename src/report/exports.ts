/**
 * The results CSVs as the web serves them (results.csv, results-information.csv), with the run
 * stamp on every row (seed, iterations, changes, when it ran, the link that reruns it), so a row
 * pasted elsewhere still says where it came from. Tidy, units in the headers, the money basis on
 * every row. Built on csv.ts's rows and writer.
 */
import type { Results } from '../model/results';
import { csvSections, resultRows, toCsv } from './csv';
import { moneyBasisOf } from './decision';
import { budgetRows, decisionMapRows, decisionRows, headsInWords, moneyBasisCells, MONEY_BASIS_HEAD, type Cell } from './decisionExport';
import { informationRows } from './informationExport';
import { scenarioName } from './localText';
import { currentLocale, DEFAULT_LOCALE, type Locale, type MessageKey } from './messages';
import type { RunStamp } from './stamp';

/**
 * What a download's file name says about its language: nothing in English, "-cy" in Welsh (names
 * stay ASCII, so they survive any mail system or file share).
 * @example languageSuffix('cy') // "-cy"
 */
export function languageSuffix(locale: Locale = currentLocale()): string {
  return locale === DEFAULT_LOCALE ? '' : `-${locale}`;
}

const STAMP_HEAD = [
  'csv.head.seed',
  'csv.head.iterations',
  'csv.head.changes',
  'csv.head.ran_at',
  'csv.head.run_url',
] as const satisfies readonly MessageKey[];

function stampCells(stamp: RunStamp): Cell[] {
  return [stamp.seed, stamp.iterations, stamp.changes.join('; '), stamp.ranAt, stamp.url ?? ''];
}

/** A table with the stamp's columns added to its header and every row. */
function stamped(table: Cell[][], stamp: RunStamp): Cell[][] {
  const [first, ...rows] = table;
  const extra = stampCells(stamp);
  return [[...first!, ...headsInWords(STAMP_HEAD)], ...rows.map((row) => [...row, ...extra])];
}

/**
 * One row per option, perspective and financial year, then the stamp's columns; for v1.2 results
 * the decision, budget and decision map tables follow (as in resultsCsv), stamped the same way.
 */
export function stampedResultsCsv(results: Results, stamp: RunStamp): string {
  return csvSections(
    [resultRows(results), decisionRows(results), budgetRows(results), decisionMapRows(results)].map((table) => stamped(table, stamp)),
  );
}

/**
 * The monitoring and value-of-information figures (results-information.csv): one row per figure,
 * its value in the column of its unit, with the scenario, the money basis and the stamp on every row.
 */
export function stampedInformationCsv(results: Results, stamp: RunStamp): string {
  const [head, ...rows] = informationRows(results);
  const before = [scenarioName(results), results.scenario.hash];
  const after = [...moneyBasisCells(moneyBasisOf(results, { contractPrice: 'real' })), ...stampCells(stamp)];
  return toCsv([
    [...headsInWords(['csv.head.scenario', 'csv.head.scenario_hash']), ...head!, ...headsInWords([...MONEY_BASIS_HEAD, ...STAMP_HEAD])],
    ...rows.map((row) => [...before, ...row, ...after]),
  ]);
}
