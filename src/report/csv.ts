/**
 * Results as CSV (shared/model.md section 13): one row per option, perspective and financial year;
 * then, for v1.2 results, the decision, the cash budget and the decision map (section 18) as more
 * tables, each after one blank line and its own header row, whose first column `table` names it
 * on every row ("decision", "budget", "decision_map"; see decisionExport.ts). The first table is unchanged from v1.1, so a
 * reader that stops at the first blank line still works.
 * The only module that imports csv-stringify. Text cells that a spreadsheet would read as a formula
 * (starting = + - @ or a tab/return) are prefixed with an apostrophe.
 */
import { stringify } from 'csv-stringify/sync';
import type { Flows, Results } from '../model/results';
import { budgetRows, decisionMapRows, decisionRows } from './decisionExport';

export const FLOW_FIELDS: readonly (keyof Flows)[] = [
  'referrals',
  'starts',
  'waitingAtEnd',
  'turnedAway',
  'breakdownsPrevented',
  'residentialPlacementsAvoided',
  'residentialWeeksAvoided',
  'avoidedCost',
  'avoidedCostPV',
  'avoidedCostCashable',
  'contractCost',
  'contractCostPV',
  'netSaving',
  'npv',
];

/** Makes a text cell safe to open in a spreadsheet. safeText("=SUM(A1)") -> "'=SUM(A1)" */
export function safeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Rows of cells (header first) for the financial-year table of every option and perspective. */
export function resultRows(results: Results): (string | number)[][] {
  const rows: (string | number)[][] = [['scenario', 'scenarioHash', 'modelVersion', 'extensionYears', 'perspective', 'financialYear', ...FLOW_FIELDS]];
  for (const option of results.options) {
    for (const [perspective, result] of Object.entries(option.perspectives)) {
      for (const year of result.byFinancialYear) {
        rows.push([
          results.scenario.name,
          results.scenario.hash,
          results.modelVersion,
          option.extensionYears,
          perspective,
          year.year,
          ...FLOW_FIELDS.map((f) => year[f]),
        ]);
      }
    }
  }
  return rows;
}

/** CSV text of any rows, numbers written in full (no rounding). */
export function toCsv(rows: (string | number | null)[][]): string {
  return stringify(rows.map((row) => row.map((cell) => (typeof cell === 'string' ? safeText(cell) : cell))));
}

/**
 * CSV tables one after another, a blank line between; a table with only its header is left out.
 * @example csvSections([[['a'], [1]], [['b'], [2]]]) // "a\n1\n\nb\n2\n"
 */
export function csvSections(tables: (string | number | null)[][][]): string {
  return tables
    .filter((rows, i) => i === 0 || rows.length > 1)
    .map(toCsv)
    .join('\n');
}

/** The results as CSV text: the financial years, then the decision, the budget and the map when the results have them. */
export function resultsCsv(results: Results): string {
  return csvSections([resultRows(results), decisionRows(results), budgetRows(results), decisionMapRows(results)]);
}
