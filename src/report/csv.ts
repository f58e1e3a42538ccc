/**
 * Results as CSV (shared/model.md section 13), tidy: one observation per row, the unit in every
 * header (`_gbp` pounds, `_whole_children` children rounded to whole children, `_expected_number`
 * an average over the simulations or months to two decimals, `_weeks`, `_share` 0 to 1), money
 * rounded to pennies, and the money basis on every row. The first table has one row per option,
 * perspective and financial year; for v1.2 results the decision, the cash budget and the decision
 * map (section 18) follow as more tables, each after one blank line and its own header row. The
 * first column `table` names the table on every row ("by_financial_year", "decision", "budget",
 * "decision_map"; see decisionExport.ts). Headers, table names, yes and no and the region are in
 * the language in force (`withLocale('cy')` gives Welsh machine names such as
 * `atgyfeiriadau_plant_cyfan`); codes from the scenario format (`cash`, input paths) stay as written.
 * The only module that imports csv-stringify. Text cells that a spreadsheet would read as a formula
 * (starting = + - @ or a tab/return) are prefixed with an apostrophe.
 */
import { stringify } from 'csv-stringify/sync';
import type { Flows, Results } from '../model/results';
import { moneyBasisOf } from './decision';
import {
  budgetRows,
  decisionMapRows,
  decisionRows,
  exportPerspective,
  headsInWords,
  moneyBasisCells,
  MONEY_BASIS_HEAD,
  pennies,
  type Cell,
} from './decisionExport';
import { scenarioName } from './localText';
import { t, type MessageKey } from './messages';

/** A flow of the results as a CSV column: its header with the unit, and how it is rounded. */
interface FlowColumn {
  field: keyof Flows;
  /** The header with its unit, e.g. `referrals_whole_children` in English. */
  head: MessageKey;
  round: (value: number) => number;
}

/** To `decimals` places, without a -0. roundTo(66.44, 0) -> 66 */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

const wholeChildren = (v: number): number => roundTo(v, 0);
const expected = (v: number): number => roundTo(v, 2);
const money = (v: number): number => pennies(v)!;

export const FLOW_COLUMNS: readonly FlowColumn[] = [
  { field: 'referrals', head: 'csv.head.referrals_whole_children', round: wholeChildren },
  { field: 'starts', head: 'csv.head.starts_whole_children', round: wholeChildren },
  { field: 'waitingAtEnd', head: 'csv.head.waiting_at_end_whole_children', round: wholeChildren },
  { field: 'turnedAway', head: 'csv.head.turned_away_whole_children', round: wholeChildren },
  { field: 'breakdownsPrevented', head: 'csv.head.breakdowns_prevented_expected_number', round: expected },
  { field: 'residentialPlacementsAvoided', head: 'csv.head.residential_placements_avoided_expected_number', round: expected },
  { field: 'residentialWeeksAvoided', head: 'csv.head.residential_weeks_avoided_weeks', round: (v) => roundTo(v, 1) },
  { field: 'avoidedCost', head: 'csv.head.avoided_cost_cash_gbp', round: money },
  { field: 'avoidedCostCashable', head: 'csv.head.avoided_cost_cashable_cash_gbp', round: money },
  { field: 'contractCost', head: 'csv.head.contract_cost_cash_gbp', round: money },
  { field: 'netSaving', head: 'csv.head.net_saving_cash_gbp', round: money },
  { field: 'avoidedCostPV', head: 'csv.head.avoided_cost_present_value_gbp', round: money },
  { field: 'contractCostPV', head: 'csv.head.contract_cost_present_value_gbp', round: money },
  { field: 'npv', head: 'csv.head.npv_present_value_gbp', round: money },
];

/** Makes a text cell safe to open in a spreadsheet. safeText("=SUM(A1)") -> "'=SUM(A1)" */
export function safeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * Rows of cells (header first) for the financial-year table of every option and perspective,
 * rounded (children to whole children, money to pennies), the money basis on every row.
 * @example resultRows(results)[1].slice(0, 7) // ['by_financial_year', 'CLASS ...', '9a1e96a056a8', '0.1.0+...', 0, 'region', '2024/25']
 */
export function resultRows(results: Results): Cell[][] {
  const basis = moneyBasisCells(moneyBasisOf(results, { contractPrice: 'real' }));
  const rows: Cell[][] = [
    headsInWords([
      'csv.head.table',
      'csv.head.scenario',
      'csv.head.scenario_hash',
      'csv.head.model_version',
      'csv.head.extension_years',
      'csv.head.perspective',
      'csv.head.financial_year',
      ...FLOW_COLUMNS.map((c) => c.head),
      ...MONEY_BASIS_HEAD,
    ]),
  ];
  const table = t('csv.table.byFinancialYear');
  for (const option of results.options) {
    for (const [perspective, result] of Object.entries(option.perspectives)) {
      for (const year of result.byFinancialYear) {
        rows.push([
          table,
          scenarioName(results),
          results.scenario.hash,
          results.modelVersion,
          option.extensionYears,
          exportPerspective(perspective, results),
          year.year,
          ...FLOW_COLUMNS.map((c) => c.round(year[c.field])),
          ...basis,
        ]);
      }
    }
  }
  return rows;
}

/** CSV text of any rows (numbers as given: round them first). */
export function toCsv(rows: Cell[][]): string {
  return stringify(rows.map((row) => row.map((cell) => (typeof cell === 'string' ? safeText(cell) : cell))));
}

/**
 * CSV tables one after another, a blank line between; a table with only its header is left out.
 * @example csvSections([[['a'], [1]], [['b'], [2]]]) // "a\n1\n\nb\n2\n"
 */
export function csvSections(tables: Cell[][][]): string {
  return tables
    .filter((rows, i) => i === 0 || rows.length > 1)
    .map(toCsv)
    .join('\n');
}

/** The results as CSV text: the financial years, then the decision, the budget and the map when the results have them. */
export function resultsCsv(results: Results): string {
  return csvSections([resultRows(results), decisionRows(results), budgetRows(results), decisionMapRows(results)]);
}
