/**
 * Results as CSV (shared/model.md section 13): one row per option, perspective and financial year.
 * The only module that imports csv-stringify. Text cells that a spreadsheet would read as a formula
 * (starting = + - @ or a tab/return) are prefixed with an apostrophe.
 */
import { stringify } from 'csv-stringify/sync';
import type { Flows, Results } from '../model/results';

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

/** The results as CSV text. */
export function resultsCsv(results: Results): string {
  return toCsv(resultRows(results));
}
