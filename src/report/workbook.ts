/**
 * The Excel workbook export (the only module that imports exceljs), laid out for a finance officer
 * who will check the sums: it opens on a Summary sheet (the answer in one sentence per perspective,
 * in the pages' words; each council's cash budget effect; the money basis; the run stamp with its
 * link), then the decision, one cash budget sheet per perspective (shared/model.md section 18:
 * budget lines down, financial years across, a Total column), the options over the whole term, the
 * financial years, the inputs with source and status, the simulations, sensitivity, break-even and
 * monitoring. Every sheet starts with the money basis and the run stamp; headers are in words with
 * their unit; every number has a number format. Totals, own contribution, net and cumulative
 * budget lines are formulas (=SUM(...), =B5-B6) with the model's value written as their cached
 * result, so a reviewer can trace them and a spreadsheet that recalculates shows the same figures.
 * Every text cell goes through safeText so nothing in a scenario can become a formula.
 */
import ExcelJS from 'exceljs';
import type { BudgetYear, DecisionFigure, DecisionOption, OptionBudget, PerspectiveDecision, Results } from '../model/results';
import type { Scenario } from '../scenario/types';
import { safeText } from './csv';
import { decisionOf, moneyBasisOf, perspectivesOf, REGION } from './decision';
import { decisionSections } from './decisionResults';
import { optionInWords } from './decisionTable';
import { formatMonth } from './format';
import { decisionWords, focusOption } from './headline';
import { INFORMATION_UNITS, informationRows, type InformationUnit } from './informationExport';
import { informationReport } from './informationReport';
import { assumptionsOf, inputLabel } from './inputs';
import { councilName, localText, scenarioName } from './localText';
import { currentLocale, LOCALE_TAGS, t, type MessageKey } from './messages';
import { moneyBasisSentence } from './moneyBasis';
import { stampLine, stampPairs, type RunStamp } from './stamp';

type Cell = string | number | null;

/** Whole pounds with a thousands separator, negatives with a minus sign; the value keeps its pennies. */
export const MONEY_FORMAT = '£#,##0;-£#,##0';
export const SHARE_FORMAT = '0.0%';
/** Expected numbers of children, placements and weeks: one decimal, because they are averages. */
export const EXPECTED_FORMAT = '#,##0.0';
export const WHOLE_FORMAT = '#,##0';
export const RATIO_FORMAT = '0.00';
export const TEXT_FORMAT = '@';

/** How a column's cells are shown, and the unit its header names. */
type Kind = 'money' | 'share' | 'expected' | 'whole' | 'ratio' | 'text';

const FORMATS: Record<Kind, string> = {
  money: MONEY_FORMAT,
  share: SHARE_FORMAT,
  expected: EXPECTED_FORMAT,
  whole: WHOLE_FORMAT,
  ratio: RATIO_FORMAT,
  text: TEXT_FORMAT,
};

/** One column of a table sheet: its header in words (the unit is added from its kind) and its cells. */
interface Column<Row> {
  head: string;
  kind: Kind;
  value: (row: Row) => Cell;
  /** The unit said in the header, when the kind's own is not the right one. */
  unit?: MessageKey;
  width?: number;
}

const UNITS: Partial<Record<Kind, MessageKey>> = { money: 'xlsx.unit.money', share: 'xlsx.unit.share', ratio: 'xlsx.unit.ratio' };

function headOf<Row>(column: Column<Row>): string {
  const unit = column.unit ?? UNITS[column.kind];
  return unit === undefined ? column.head : `${column.head} ${t(unit)}`;
}

/** What every sheet starts with (the money basis and the run stamp with its link), and how it names a perspective. */
interface Context {
  basis: string;
  stamp: string;
  /** "Region (all three councils)", or the council's label in the language in force. */
  perspectiveName: (perspective: string) => string;
}

/** A value written to a cell: text made safe, a number with its format. */
function put(cell: ExcelJS.Cell, value: Cell, kind: Kind): void {
  if (value === null) return;
  if (typeof value === 'string') {
    cell.value = safeText(value);
    return;
  }
  cell.value = value;
  cell.numFmt = FORMATS[kind];
}

/** A formula with the model's value as its cached result; shown in the cell's kind's format. */
function putFormula(cell: ExcelJS.Cell, formula: string, result: number, kind: Kind): void {
  cell.value = { formula, result };
  cell.numFmt = FORMATS[kind];
}

/**
 * A sheet name that is valid (sheetName) and not yet taken in the workbook (spreadsheets compare
 * names without case), so no translation can produce a name Excel refuses: a clash gets " (2)".
 */
function freeSheetName(workbook: ExcelJS.Workbook, name: string): string {
  const taken = new Set(workbook.worksheets.map((sheet) => sheet.name.toLocaleLowerCase()));
  const valid = sheetName(name) || String(workbook.worksheets.length + 1);
  let candidate = valid;
  for (let n = 2; taken.has(candidate.toLocaleLowerCase()); n++) candidate = `${valid.slice(0, 31 - ` (${n})`.length).trimEnd()} (${n})`;
  return candidate;
}

/** A new sheet whose first two rows are the money basis and the run stamp, then a blank row. */
function addSheet(workbook: ExcelJS.Workbook, name: string, context: Context): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(freeSheetName(workbook, name));
  sheet.getCell('A1').value = safeText(context.basis);
  sheet.getCell('A1').font = { italic: true };
  sheet.getCell('A2').value = safeText(context.stamp);
  sheet.getCell('A2').font = { italic: true };
  return sheet;
}

/** Where a table's header row goes: after the money basis, the stamp and a blank row. */
const HEADER_ROW = 4;

/** A sheet of one table: the preamble, headers in words with units (bold, wrapped, frozen), then the rows. */
function addTableSheet<Row>(
  workbook: ExcelJS.Workbook,
  name: string,
  context: Context,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
): ExcelJS.Worksheet {
  const sheet = addSheet(workbook, name, context);
  const head = sheet.getRow(HEADER_ROW);
  columns.forEach((column, i) => {
    head.getCell(i + 1).value = safeText(headOf(column));
    sheet.getColumn(i + 1).width = column.width ?? (column.kind === 'text' ? 22 : 16);
  });
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'top' };
  rows.forEach((row, r) => {
    const sheetRow = sheet.getRow(HEADER_ROW + 1 + r);
    columns.forEach((column, i) => put(sheetRow.getCell(i + 1), column.value(row), column.kind));
  });
  sheet.views = [{ state: 'frozen', ySplit: HEADER_ROW }];
  return sheet;
}

/** A perspective's name as a reader says it: "Region (all three councils)" or the council's label in the language in force. */
function perspectiveNamer(results: Results): (perspective: string) => string {
  return (perspective) => (perspective === REGION ? t('perspective.region') : councilName(results, perspective));
}

const yesNo = (yes: boolean): string => t(yes ? 'decisionTable.yes' : 'decisionTable.no');

/* ---------- the decision ---------- */

interface DecisionRow {
  perspective: string;
  afterUpdate: boolean;
  decision: PerspectiveDecision;
  option: DecisionOption;
}

/** The extension years' cash budget effect (section 18), when the model gives it. */
function budgetFigure(option: DecisionOption): DecisionFigure | null {
  return option.incrementalNetBudgetEffect ?? null;
}

function decisionColumns(withBudget: boolean, perspectiveName: Context['perspectiveName']): Column<DecisionRow>[] {
  const h = (key: MessageKey): string => t(key);
  return [
    { head: h('decisionTable.head.perspective'), kind: 'text', value: (r) => perspectiveName(r.perspective) },
    { head: h('decisionTable.head.afterUpdate'), kind: 'text', value: (r) => yesNo(r.afterUpdate) },
    { head: h('decisionTable.head.extensionYears'), kind: 'whole', value: (r) => r.option.extensionYears, width: 11 },
    { head: h('decisionTable.head.isBest'), kind: 'text', value: (r) => yesNo(r.decision.bestOption === r.option.extensionYears) },
    {
      head: h('decisionTable.head.isBestCentral'),
      kind: 'text',
      value: (r) => yesNo(r.decision.bestOptionCentral === r.option.extensionYears),
    },
    { head: h('decisionTable.head.addsCentral'), kind: 'money', value: (r) => r.option.incrementalNpv.central },
    { head: h('decisionTable.head.addsMean'), kind: 'money', value: (r) => r.option.incrementalNpv.mean },
    { head: h('decisionTable.head.addsSem'), kind: 'money', value: (r) => r.option.incrementalNpv.sem },
    { head: h('decisionTable.head.addsP10'), kind: 'money', value: (r) => r.option.incrementalNpv.p10 },
    { head: h('decisionTable.head.addsP50'), kind: 'money', value: (r) => r.option.incrementalNpv.p50 },
    { head: h('decisionTable.head.addsP90'), kind: 'money', value: (r) => r.option.incrementalNpv.p90 },
    { head: h('decisionTable.head.addsPositive'), kind: 'share', value: (r) => r.option.incrementalNpv.probabilityPositive },
    { head: h('decisionTable.head.cashCentral'), kind: 'money', value: (r) => r.option.incrementalNetCash.central },
    { head: h('decisionTable.head.cashMean'), kind: 'money', value: (r) => r.option.incrementalNetCash.mean },
    ...(withBudget
      ? ([
          { head: h('xlsx.head.budgetCentral'), kind: 'money', value: (r) => budgetFigure(r.option)?.central ?? null },
          { head: h('xlsx.head.budgetMean'), kind: 'money', value: (r) => budgetFigure(r.option)?.mean ?? null },
          { head: h('xlsx.head.budgetP10'), kind: 'money', value: (r) => budgetFigure(r.option)?.p10 ?? null },
          { head: h('xlsx.head.budgetP90'), kind: 'money', value: (r) => budgetFigure(r.option)?.p90 ?? null },
        ] satisfies Column<DecisionRow>[])
      : []),
    { head: h('decisionTable.head.marginalCentral'), kind: 'money', value: (r) => r.option.marginalNpv?.central ?? null },
    { head: h('decisionTable.head.marginalMean'), kind: 'money', value: (r) => r.option.marginalNpv?.mean ?? null },
    { head: h('decisionTable.head.marginalSem'), kind: 'money', value: (r) => r.option.marginalNpv?.sem ?? null },
    { head: h('decisionTable.head.chanceBest'), kind: 'share', value: (r) => r.option.probabilityBest },
    { head: h('decisionTable.head.chanceBestSem'), kind: 'share', value: (r) => r.option.probabilityBestSem },
    { head: h('decisionTable.head.expectedLoss'), kind: 'money', value: (r) => r.option.expectedLoss },
    { head: h('decisionTable.head.expectedLossSem'), kind: 'money', value: (r) => r.option.expectedLossSem },
    { head: h('decisionTable.head.breakEven'), kind: 'money', value: (r) => r.option.breakEvenAnnualPrice },
    { head: h('decisionTable.head.breakEvenCentral'), kind: 'money', value: (r) => r.option.breakEvenAnnualPriceCentral },
    { head: h('decisionTable.head.endedEarly'), kind: 'share', value: (r) => r.option.probabilityEndedEarly },
  ];
}

function addDecisionSheet(
  workbook: ExcelJS.Workbook,
  context: Context,
  decision: Record<string, PerspectiveDecision>,
  updated: Record<string, PerspectiveDecision> | undefined,
): void {
  const rowsOf = (d: Record<string, PerspectiveDecision>, afterUpdate: boolean): DecisionRow[] =>
    Object.entries(d).flatMap(([perspective, pd]) => pd.options.map((option) => ({ perspective, afterUpdate, decision: pd, option })));
  const rows = [...rowsOf(decision, false), ...(updated ? rowsOf(updated, true) : [])];
  addTableSheet(
    workbook,
    t('decisionTable.sheet'),
    context,
    decisionColumns(
      rows.some((r) => budgetFigure(r.option) !== null),
      context.perspectiveName,
    ),
    rows,
  );
}

/* ---------- the cash budget, one sheet per perspective ---------- */

interface BudgetLine {
  label: MessageKey;
  value: (year: BudgetYear) => number | null;
  /** A formula for the year's cell from the cells of other lines in the same column, or none (a value). */
  formula?: (column: string, rowOf: (label: MessageKey) => number, row: number, first: boolean) => string;
  totalled: boolean;
}

const BUDGET_LINES: readonly BudgetLine[] = [
  { label: 'budget.head.gross', value: (y) => y.grossContractCost, totalled: true },
  { label: 'budget.head.grant', value: (y) => y.externalFunding, totalled: true },
  {
    label: 'budget.head.own',
    value: (y) => y.ownContribution,
    totalled: true,
    formula: (c, rowOf) => `${c}${rowOf('budget.head.gross')}-${c}${rowOf('budget.head.grant')}`,
  },
  { label: 'budget.head.cashable', value: (y) => y.cashableSaving, totalled: true },
  { label: 'budget.head.nonCashable', value: (y) => y.nonCashableSaving, totalled: true },
  {
    label: 'budget.head.net',
    value: (y) => y.netBudgetEffect,
    totalled: true,
    formula: (c, rowOf) => `${c}${rowOf('budget.head.cashable')}-${c}${rowOf('budget.head.own')}`,
  },
  {
    label: 'budget.head.cumulative',
    value: (y) => y.cumulativeNetBudgetEffect,
    totalled: false,
    formula: (c, rowOf, row, first) =>
      first ? `${c}${rowOf('budget.head.net')}` : `${previousColumn(c)}${row}+${c}${rowOf('budget.head.net')}`,
  },
];

const BUDGET_PERCENTILES: readonly BudgetLine[] = [
  { label: 'xlsx.budget.p10', value: (y) => y.netBudgetEffectP10, totalled: false },
  { label: 'xlsx.budget.p50', value: (y) => y.netBudgetEffectP50, totalled: false },
  { label: 'xlsx.budget.p90', value: (y) => y.netBudgetEffectP90, totalled: false },
];

/** A column's letters from its number: 1 -> "A", 28 -> "AB". */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function previousColumn(letters: string): string {
  const number = [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  return columnLetters(number - 1);
}

/** Where one option's net budget effect over all years sits on a budget sheet, and its value. */
export interface BudgetTotalCell {
  sheet: string;
  address: string;
  value: number;
}

/**
 * A name a spreadsheet accepts for a sheet: none of \\ / ? * [ ] :, no apostrophe at either end, at
 * most 31 characters. sheetName("Budget – A/B") -> "Budget – A B"
 */
export function sheetName(name: string): string {
  return name
    .replace(/[\\/?*[\]:]/g, ' ')
    .slice(0, 31)
    .replace(/^'+|'+$/g, '')
    .trim();
}

/** "Budget – Region", "Budget – Bridgend" (a name taken already gets a number after it when the sheet is added). */
function budgetSheetName(perspective: string, context: Context): string {
  return sheetName(
    t('xlsx.sheet.budget', { perspective: perspective === REGION ? t('xlsx.regionShort') : context.perspectiveName(perspective) }),
  );
}

/** A sheet name quoted for a formula: 'Budget – Bridgend'!H12. */
function reference(cell: BudgetTotalCell): string {
  return `'${cell.sheet.replace(/'/g, "''")}'!${cell.address}`;
}

/**
 * One perspective's budget sheet: a block per option (heading, years across, the budget lines
 * down, a Total column of =SUM formulas). Returns where each option's total net budget effect is.
 */
function addBudgetSheet(
  workbook: ExcelJS.Workbook,
  context: Context,
  perspective: string,
  options: readonly OptionBudget[],
): Map<number, BudgetTotalCell> {
  const sheet = addSheet(workbook, budgetSheetName(perspective, context), context);
  const name = sheet.name;
  const totals = new Map<number, BudgetTotalCell>();
  sheet.getColumn(1).width = 44;
  let row = HEADER_ROW;
  for (const option of options) {
    const years = option.byFinancialYear;
    const simulated = years.some((y) => y.netBudgetEffectP50 !== null);
    const lines = [...BUDGET_LINES, ...(simulated ? BUDGET_PERCENTILES : [])];
    const heading = sheet.getCell(row, 1);
    heading.value = safeText(
      t('xlsx.budget.heading', { who: context.perspectiveName(perspective), option: optionInWords(option.extensionYears) }),
    );
    heading.font = { bold: true, size: 12 };
    const head = sheet.getRow(row + 1);
    head.getCell(1).value = t('xlsx.budget.line');
    years.forEach((y, i) => (head.getCell(i + 2).value = t('xlsx.budget.year', { year: y.year })));
    const totalColumn = years.length + 2;
    head.getCell(totalColumn).value = t('xlsx.budget.total');
    head.font = { bold: true };
    head.alignment = { wrapText: true, vertical: 'top', horizontal: 'right' };
    head.getCell(1).alignment = { horizontal: 'left' };
    const firstLine = row + 2;
    const rowOf = (label: MessageKey): number => firstLine + lines.findIndex((l) => l.label === label);
    lines.forEach((line, l) => {
      const r = firstLine + l;
      sheet.getCell(r, 1).value = t(line.label);
      years.forEach((y, i) => {
        const value = line.value(y);
        const cell = sheet.getCell(r, i + 2);
        if (value === null) return;
        if (line.formula) putFormula(cell, line.formula(columnLetters(i + 2), rowOf, r, i === 0), value, 'money');
        else put(cell, value, 'money');
      });
      if (line.totalled && years.length > 0) {
        const total = years.reduce((sum, y) => sum + (line.value(y) ?? 0), 0);
        const address = `${columnLetters(totalColumn)}${r}`;
        putFormula(sheet.getCell(address), `SUM(B${r}:${columnLetters(totalColumn - 1)}${r})`, total, 'money');
        sheet.getCell(address).font = { bold: true };
        if (line.label === 'budget.head.net') totals.set(option.extensionYears, { sheet: name, address, value: total });
      }
    });
    const noteRow = firstLine + lines.length;
    sheet.getCell(noteRow, 1).value = t(simulated ? 'xlsx.budget.noteSimulated' : 'xlsx.budget.note');
    sheet.getCell(noteRow, 1).font = { italic: true };
    row = noteRow + 2;
  }
  for (let c = 2; c <= Math.max(...options.map((o) => o.byFinancialYear.length)) + 2; c++) sheet.getColumn(c).width = 14;
  return totals;
}

/* ---------- the options over the whole term and by financial year ---------- */

interface FlowColumn {
  key:
    | 'referrals'
    | 'starts'
    | 'waitingAtEnd'
    | 'turnedAway'
    | 'breakdownsPrevented'
    | 'residentialPlacementsAvoided'
    | 'residentialWeeksAvoided'
    | 'avoidedCost'
    | 'avoidedCostCashable'
    | 'contractCost'
    | 'netSaving'
    | 'avoidedCostPV'
    | 'contractCostPV'
    | 'npv';
  head: MessageKey;
  kind: Kind;
  unit?: MessageKey;
  /** Summed over the years in a total (a stock such as the waiting list at the end is not). */
  summed: boolean;
}

const FLOW_COLUMNS: readonly FlowColumn[] = [
  { key: 'referrals', head: 'xlsx.flow.referrals', kind: 'expected', unit: 'xlsx.unit.children', summed: true },
  { key: 'starts', head: 'xlsx.flow.starts', kind: 'expected', unit: 'xlsx.unit.children', summed: true },
  { key: 'waitingAtEnd', head: 'xlsx.flow.waitingAtEnd', kind: 'expected', unit: 'xlsx.unit.children', summed: false },
  { key: 'turnedAway', head: 'xlsx.flow.turnedAway', kind: 'expected', unit: 'xlsx.unit.children', summed: true },
  { key: 'breakdownsPrevented', head: 'xlsx.flow.breakdownsPrevented', kind: 'expected', unit: 'xlsx.unit.expected', summed: true },
  { key: 'residentialPlacementsAvoided', head: 'xlsx.flow.placementsAvoided', kind: 'expected', unit: 'xlsx.unit.expected', summed: true },
  { key: 'residentialWeeksAvoided', head: 'xlsx.flow.weeksAvoided', kind: 'expected', unit: 'xlsx.unit.weeks', summed: true },
  { key: 'avoidedCost', head: 'xlsx.flow.avoidedCost', kind: 'money', unit: 'xlsx.unit.cash', summed: true },
  { key: 'avoidedCostCashable', head: 'xlsx.flow.avoidedCostCashable', kind: 'money', unit: 'xlsx.unit.cash', summed: true },
  { key: 'contractCost', head: 'xlsx.flow.contractCost', kind: 'money', unit: 'xlsx.unit.cash', summed: true },
  { key: 'netSaving', head: 'xlsx.flow.netSaving', kind: 'money', unit: 'xlsx.unit.cash', summed: true },
  { key: 'avoidedCostPV', head: 'xlsx.flow.avoidedCostPV', kind: 'money', unit: 'xlsx.unit.presentValue', summed: true },
  { key: 'contractCostPV', head: 'xlsx.flow.contractCostPV', kind: 'money', unit: 'xlsx.unit.presentValue', summed: true },
  { key: 'npv', head: 'xlsx.flow.npv', kind: 'money', unit: 'xlsx.unit.presentValue', summed: true },
];

/** Where the years of one option and perspective sit on the By financial year sheet. */
interface YearRows {
  first: number;
  last: number;
}

type YearRow = { extensionYears: number; perspective: string; year: string; flows: Record<FlowColumn['key'], number> };

/** The rows of the By financial year sheet (one per option, perspective and year) and where each option and perspective's years are. */
function yearRows(results: Results): { rows: YearRow[]; blocks: Map<string, YearRows> } {
  const rows: YearRow[] = [];
  const blocks = new Map<string, YearRows>();
  for (const option of results.options) {
    for (const [perspective, result] of Object.entries(option.perspectives)) {
      const first = HEADER_ROW + 1 + rows.length;
      for (const year of result.byFinancialYear)
        rows.push({ extensionYears: option.extensionYears, perspective, year: year.year, flows: year });
      blocks.set(`${option.extensionYears}|${perspective}`, { first, last: HEADER_ROW + rows.length });
    }
  }
  return { rows, blocks };
}

function addYearsSheet(workbook: ExcelJS.Workbook, context: Context, rows: readonly YearRow[]): ExcelJS.Worksheet {
  return addTableSheet<YearRow>(
    workbook,
    t('xlsx.sheet.years'),
    context,
    [
      { head: t('decisionTable.head.extensionYears'), kind: 'whole', value: (r) => r.extensionYears, width: 11 },
      { head: t('decisionTable.head.perspective'), kind: 'text', value: (r) => context.perspectiveName(r.perspective) },
      { head: t('budget.head.financialYear'), kind: 'text', value: (r) => r.year, width: 11 },
      ...FLOW_COLUMNS.map((f): Column<YearRow> => ({ head: t(f.head), kind: f.kind, unit: f.unit, value: (r) => r.flows[f.key] })),
    ],
    rows,
  );
}

/** The month payback is reached, in words ("June 2026"), or "not within the horizon". */
function paybackInWords(results: Results, scenario: Scenario, month: number | null): string {
  if (month === null) return t('xlsx.payback.never');
  const first = typeof results.firstMonth === 'string' ? results.firstMonth : scenario.contract.start.slice(0, 7);
  return formatMonth(first, month);
}

/**
 * Options over the whole term: one row per option and perspective; each flow's total is a =SUM of
 * its years on the By financial year sheet (the model's total as the cached result); the
 * benefit-cost ratio a formula of the two present values; payback as a month and year.
 */
function addOptionsSheet(
  workbook: ExcelJS.Workbook,
  context: Context,
  results: Results,
  scenario: Scenario,
  blocks: Map<string, YearRows>,
): { options: string; years: string } {
  type Row = { extensionYears: number; perspective: string };
  const rows: Row[] = results.options.flatMap((o) =>
    Object.keys(o.perspectives).map((perspective) => ({ extensionYears: o.extensionYears, perspective })),
  );
  const totalsOf = (r: Row) => results.options.find((o) => o.extensionYears === r.extensionYears)!.perspectives[r.perspective]!.totals;
  const columns: Column<Row>[] = [
    { head: t('decisionTable.head.extensionYears'), kind: 'whole', value: (r) => r.extensionYears, width: 11 },
    { head: t('decisionTable.head.perspective'), kind: 'text', value: (r) => context.perspectiveName(r.perspective) },
    ...FLOW_COLUMNS.map((f): Column<Row> => ({ head: t(f.head), kind: f.kind, unit: f.unit, value: (r) => totalsOf(r)[f.key] })),
    { head: t('xlsx.head.bcr'), kind: 'ratio', value: (r) => totalsOf(r).bcr },
    { head: t('xlsx.head.payback'), kind: 'text', value: (r) => paybackInWords(results, scenario, totalsOf(r).paybackMonth) },
  ];
  const sheet = addTableSheet(workbook, t('xlsx.sheet.options'), context, columns, rows);
  // The years sheet comes next, so it will get the name that is free now.
  const yearsSheet = freeSheetName(workbook, t('xlsx.sheet.years'));
  const quoted = `'${yearsSheet.replace(/'/g, "''")}'`;
  // Year columns on the years sheet: extension years, perspective, year, then the flows in FLOW_COLUMNS order.
  rows.forEach((r, i) => {
    const block = blocks.get(`${r.extensionYears}|${r.perspective}`);
    if (block === undefined || block.last < block.first) return;
    const sheetRow = sheet.getRow(HEADER_ROW + 1 + i);
    const totals = totalsOf(r);
    FLOW_COLUMNS.forEach((f, c) => {
      if (!f.summed) return;
      const letters = columnLetters(4 + c);
      putFormula(sheetRow.getCell(3 + c), `SUM(${quoted}!${letters}${block.first}:${letters}${block.last})`, totals[f.key], f.kind);
    });
    const bcrCell = sheetRow.getCell(3 + FLOW_COLUMNS.length);
    if (totals.bcr !== null) {
      const benefit = columnLetters(3 + FLOW_COLUMNS.findIndex((f) => f.key === 'avoidedCostPV'));
      const cost = columnLetters(3 + FLOW_COLUMNS.findIndex((f) => f.key === 'contractCostPV'));
      const r0 = HEADER_ROW + 1 + i;
      putFormula(bcrCell, `${benefit}${r0}/${cost}${r0}`, totals.bcr, 'ratio');
    } else bcrCell.value = t('xlsx.notApplicable');
  });
  return { options: sheet.name, years: yearsSheet };
}

/* ---------- inputs, simulations, sensitivity, break-even, monitoring ---------- */

function addInputsSheet(workbook: ExcelJS.Workbook, context: Context, results: Results, scenario: Scenario): void {
  const truncations = decisionSections(results)?.truncations ?? [];
  type Row = ReturnType<typeof assumptionsOf>[number];
  const sheet = addTableSheet<Row>(
    workbook,
    t('xlsx.sheet.inputs'),
    context,
    [
      { head: t('workbook.head.label'), kind: 'text', value: (a) => a.label, width: 40 },
      { head: t('workbook.head.inWords'), kind: 'text', value: (a) => a.text, width: 40 },
      { head: t('workbook.head.central'), kind: 'text', value: (a) => a.centralText },
      { head: t('xlsx.head.status'), kind: 'text', value: (a) => a.status, width: 16 },
      { head: t('xlsx.head.provenanceSource'), kind: 'text', value: (a) => a.provenanceSource, width: 40 },
      { head: t('xlsx.head.fileNote'), kind: 'text', value: (a) => a.source, width: 40 },
      { head: t('xlsx.head.truncation'), kind: 'text', value: (a) => a.truncation },
      { head: t('workbook.head.line'), kind: 'whole', value: (a) => a.line || null, width: 8 },
      { head: t('workbook.head.path'), kind: 'text', value: (a) => a.path, width: 34 },
    ],
    assumptionsOf(scenario, truncations),
  );
  let row = sheet.rowCount + 2;
  const head = sheet.getRow(row);
  [
    t('workbook.head.council'),
    `${t('workbook.head.childrenShare')} ${t('xlsx.unit.share')}`,
    `${t('workbook.head.matchShare')} ${t('xlsx.unit.share')}`,
  ].forEach((text, i) => (head.getCell(i + 1).value = text));
  head.font = { bold: true };
  for (const council of scenario.councils) {
    const r = sheet.getRow(++row);
    put(r.getCell(1), localText(council.label), 'text');
    put(r.getCell(2), council.childrenShare, 'share');
    put(r.getCell(3), council.matchShare, 'share');
  }
  row += 2;
  sheet.getCell(row, 1).value = t('workbook.head.sources');
  sheet.getCell(row, 1).font = { bold: true };
  for (const source of scenario.sources) put(sheet.getCell(++row, 1), localText(source), 'text');
}

const STATS = ['mean', 'sem', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95'] as const;
const MEASURES = [
  { key: 'npv', label: 'xlsx.measure.npv', kind: 'money' },
  { key: 'netSaving', label: 'xlsx.measure.netSaving', kind: 'money' },
  { key: 'residentialPlacementsAvoided', label: 'xlsx.measure.placements', kind: 'expected' },
] as const satisfies readonly { key: string; label: MessageKey; kind: Kind }[];

function addSimulationSheets(workbook: ExcelJS.Workbook, context: Context, results: Results, scenario: Scenario): void {
  const simulated = results.options.filter((o) => o.monteCarlo !== undefined);
  if (simulated.length === 0) return;
  type Row = {
    extensionYears: number;
    perspective: string;
    measure: (typeof MEASURES)[number];
    summary: Record<(typeof STATS)[number], number>;
    chance: number;
    chanceSem: number;
    paidBack: number;
  };
  const rows: Row[] = simulated.flatMap((option) =>
    Object.entries(option.monteCarlo!.perspectives).flatMap(([perspective, p]) =>
      MEASURES.map((measure) => ({
        extensionYears: option.extensionYears,
        perspective,
        measure,
        summary: p[measure.key],
        chance: p.probabilityNpvPositive,
        chanceSem: p.probabilityNpvPositiveSem,
        paidBack: p.probabilityPaidBack,
      })),
    ),
  );
  const sheet = addTableSheet<Row>(
    workbook,
    t('xlsx.sheet.simulations'),
    context,
    [
      { head: t('decisionTable.head.extensionYears'), kind: 'whole', value: (r) => r.extensionYears, width: 11 },
      { head: t('decisionTable.head.perspective'), kind: 'text', value: (r) => context.perspectiveName(r.perspective) },
      { head: t('xlsx.head.measure'), kind: 'text', value: (r) => t(r.measure.label), width: 34 },
      ...STATS.map((s): Column<Row> => ({ head: t(`xlsx.stat.${s}`), kind: 'text', value: () => null })),
      { head: t('xlsx.head.chancePositive'), kind: 'share', value: (r) => r.chance },
      { head: t('xlsx.head.chancePositiveSem'), kind: 'share', value: (r) => r.chanceSem },
      { head: t('xlsx.head.chancePaidBack'), kind: 'share', value: (r) => r.paidBack },
    ],
    rows,
  );
  // The statistics take the measure's own format (money or an expected number of placements).
  rows.forEach((r, i) => STATS.forEach((s, c) => put(sheet.getCell(HEADER_ROW + 1 + i, 4 + c), r.summary[s], r.measure.kind)));

  type Bar = { extensionYears: number; input: string; low: number; high: number; npvAtLow: number; npvAtHigh: number };
  addTableSheet<Bar>(
    workbook,
    t('xlsx.sheet.sensitivity'),
    context,
    [
      { head: t('decisionTable.head.extensionYears'), kind: 'whole', value: (b) => b.extensionYears, width: 11 },
      {
        head: t('workbook.head.label'),
        kind: 'text',
        value: (b) => inputLabel(b.input, scenario.councils, scenario.fundingSchedule),
        width: 40,
      },
      { head: t('xlsx.head.low'), kind: 'expected', unit: 'xlsx.unit.inputUnits', value: (b) => b.low },
      { head: t('xlsx.head.high'), kind: 'expected', unit: 'xlsx.unit.inputUnits', value: (b) => b.high },
      { head: t('xlsx.head.npvAtLow'), kind: 'money', value: (b) => b.npvAtLow },
      { head: t('xlsx.head.npvAtHigh'), kind: 'money', value: (b) => b.npvAtHigh },
      { head: t('workbook.head.path'), kind: 'text', value: (b) => b.input, width: 34 },
    ],
    simulated.flatMap((o) => o.monteCarlo!.tornado.map((bar) => ({ extensionYears: o.extensionYears, ...bar }))),
  );
}

function addBreakEvenSheet(workbook: ExcelJS.Workbook, context: Context, results: Results, scenario: Scenario): void {
  type Row = { extensionYears: number; input: string | null; value: number | null };
  const rows: Row[] = results.options.flatMap((o) => [
    { extensionYears: o.extensionYears, input: null, value: o.breakEven.placementsNeeded },
    ...Object.entries(o.breakEven.switchingValues).map(([input, value]) => ({ extensionYears: o.extensionYears, input, value })),
  ]);
  addTableSheet<Row>(
    workbook,
    t('xlsx.sheet.breakEven'),
    context,
    [
      { head: t('decisionTable.head.extensionYears'), kind: 'whole', value: (r) => r.extensionYears, width: 11 },
      {
        head: t('xlsx.head.breakEvenWhat'),
        kind: 'text',
        value: (r) =>
          r.input === null ? t('xlsx.breakEven.placements') : inputLabel(r.input, scenario.councils, scenario.fundingSchedule),
        width: 50,
      },
      { head: t('xlsx.head.breakEvenValue'), kind: 'expected', unit: 'xlsx.unit.inputUnits', value: (r) => r.value },
      { head: t('xlsx.head.breakEvenNone'), kind: 'text', value: (r) => (r.value === null ? t('xlsx.breakEven.none') : null), width: 30 },
      { head: t('workbook.head.path'), kind: 'text', value: (r) => r.input, width: 34 },
    ],
    rows,
  );
}

function addInformationSheet(workbook: ExcelJS.Workbook, context: Context, results: Results): void {
  const [head, ...rows] = informationRows(results);
  if (rows.length === 0) return;
  const sheet = addSheet(workbook, t('workbook.sheet.information'), context);
  const headRow = sheet.getRow(HEADER_ROW);
  head!.forEach((text, i) => (headRow.getCell(i + 1).value = text));
  headRow.font = { bold: true };
  rows.forEach((cells, r) =>
    cells.forEach((value, c) => put(sheet.getCell(HEADER_ROW + 1 + r, c + 1), value, informationKind(INFORMATION_UNITS[c] ?? null))),
  );
  sheet.views = [{ state: 'frozen', ySplit: HEADER_ROW }];
  const words = informationReport(results);
  const sentences = [
    ...(words.tracking ? [...words.tracking.sentences, words.tracking.effectiveSampleSize, ...words.tracking.warnings] : []),
    ...(words.update?.sentences ?? []),
    ...(words.value ? [...words.value.sentences, words.value.measures].filter((s) => s !== '') : []),
    ...(words.wait ? [words.wait.verdict, ...words.wait.sentences] : []),
  ];
  let row = HEADER_ROW + rows.length + 2;
  sheet.getCell(row, 1).value = t('workbook.head.information');
  sheet.getCell(row, 1).font = { bold: true };
  for (const sentence of sentences) put(sheet.getCell(++row, 1), sentence, 'text');
  sheet.columns.forEach((column, i) => (column.width = i === 0 ? 22 : 16));
}

/** The format of an information column from its unit. */
function informationKind(unit: InformationUnit | null): Kind {
  if (unit === 'gbp') return 'money';
  if (unit === 'share') return 'share';
  return 'whole';
}

/* ---------- the summary ---------- */

function fillSummary(
  sheet: ExcelJS.Worksheet,
  results: Results,
  scenario: Scenario,
  stamp: RunStamp,
  basis: string,
  budgetTotals: Map<string, Map<number, BudgetTotalCell>>,
  sheetNotes: [string, string][],
): void {
  sheet.getColumn(1).width = 36;
  sheet.getColumn(2).width = 110;
  for (const c of [3, 4, 5]) sheet.getColumn(c).width = 18;
  const title = sheet.getCell('A1');
  // A what-if says so in its title, with the changes listed in the stamp below it.
  title.value = safeText(t(stamp.changes.length > 0 ? 'xlsx.summary.whatIfTitle' : 'xlsx.summary.title', { name: scenarioName(results) }));
  title.font = { bold: true, size: 14 };
  put(sheet.getCell('A2'), basis, 'text');
  put(sheet.getCell('A3'), stampWithLink(stamp), 'text');
  sheet.getCell('A2').font = { italic: true };
  sheet.getCell('A3').font = { italic: true };
  let row = 5;
  const heading = (key: MessageKey, params: Record<string, string> = {}): void => {
    sheet.getCell(row, 1).value = safeText(t(key, params));
    sheet.getCell(row, 1).font = { bold: true, size: 12 };
    row++;
  };

  heading('xlsx.summary.answer');
  const words = results.options.length > 0 ? decisionWords(results, scenario) : [];
  for (const w of words) {
    put(sheet.getCell(row, 1), w.title, 'text');
    put(sheet.getCell(row, 2), w.sentences[0] ?? '', 'text');
    sheet.getCell(row, 2).alignment = { wrapText: true, vertical: 'top' };
    sheet.getCell(row, 1).alignment = { vertical: 'top' };
    row++;
  }

  const maxYears = scenario.contract.maxYears;
  if (budgetTotals.size > 0 && maxYears >= 1 && results.options.length > 0) {
    const focus = focusOption(results, maxYears);
    row++;
    heading('xlsx.summary.budget', { option: optionInWords(focus) });
    const head = sheet.getRow(row);
    [
      t('decisionTable.head.perspective'),
      t('xlsx.summary.budgetNote'),
      t('xlsx.summary.withOption', { option: optionInWords(focus) }),
      t('xlsx.summary.withNone'),
      t('xlsx.summary.difference'),
    ].forEach((text, i) => (head.getCell(i + 1).value = text));
    head.font = { bold: true };
    head.alignment = { wrapText: true, vertical: 'top' };
    row++;
    for (const [perspective, cells] of budgetTotals) {
      const withOption = cells.get(focus);
      const withNone = cells.get(0);
      if (withOption === undefined || withNone === undefined) continue;
      put(sheet.getCell(row, 1), perspectiveNamer(results)(perspective), 'text');
      put(sheet.getCell(row, 2), t('xlsx.summary.budgetSource', { sheet: withOption.sheet }), 'text');
      putFormula(sheet.getCell(row, 3), reference(withOption), withOption.value, 'money');
      putFormula(sheet.getCell(row, 4), reference(withNone), withNone.value, 'money');
      putFormula(sheet.getCell(row, 5), `C${row}-D${row}`, withOption.value - withNone.value, 'money');
      row++;
    }
  }

  row++;
  heading('xlsx.summary.basis');
  put(sheet.getCell(row++, 1), basis, 'text');
  row++;
  heading('xlsx.summary.stamp');
  for (const [label, value] of stampPairs(stamp)) {
    put(sheet.getCell(row, 1), label, 'text');
    const cell = sheet.getCell(row, 2);
    if (label === t('stamp.url') && /^https?:\/\//.test(value)) cell.value = { text: value, hyperlink: value };
    else put(cell, value, 'text');
    row++;
  }
  put(sheet.getCell(row, 1), t('workbook.caveat'), 'text');
  put(sheet.getCell(row++, 2), t('report.caveat.projection'), 'text');
  row++;
  heading('xlsx.summary.contents');
  for (const [name, note] of sheetNotes) {
    put(sheet.getCell(row, 1), name, 'text');
    put(sheet.getCell(row++, 2), note, 'text');
  }
}

/** The stamp line with the run's link, for the top of every sheet. */
function stampWithLink(stamp: RunStamp): string {
  return stamp.url ? `${stampLine(stamp)} · ${stamp.url}` : stampLine(stamp);
}

/** The workbook as bytes (.xlsx), opening on the Summary sheet. */
export async function resultsWorkbook(results: Results, scenario: Scenario, stamp: RunStamp): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = t('service.name');
  // The document's language, so Excel's proofing and screen readers read it as Welsh or English.
  (workbook as ExcelJS.Workbook & { language: string }).language = LOCALE_TAGS[currentLocale()];
  workbook.created = new Date(stamp.ranAt);
  workbook.calcProperties.fullCalcOnLoad = true;
  const sections = decisionSections(results);
  const basis = moneyBasisSentence(sections?.moneyBasis ?? moneyBasisOf(results, scenario));
  const context: Context = { basis, stamp: stampWithLink(stamp), perspectiveName: perspectiveNamer(results) };

  const summary = workbook.addWorksheet(freeSheetName(workbook, t('xlsx.sheet.summary')));
  const notes: [string, string][] = [];
  const noted = (name: string, note: MessageKey): void => void notes.push([name, t(note)]);
  const lastSheet = (): string => workbook.worksheets.at(-1)?.name ?? '';

  const decision = sections?.decision ?? (results.options.length > 0 ? decisionOf(results) : {});
  if (Object.keys(decision).length > 0) {
    addDecisionSheet(workbook, context, decision, sections?.updatedDecision);
    noted(lastSheet(), 'xlsx.note.decision');
  }
  const budgetTotals = new Map<string, Map<number, BudgetTotalCell>>();
  if (sections !== null) {
    const order = [...new Set([REGION, ...perspectivesOf(results), ...Object.keys(sections.budget)])].filter((p) => p in sections.budget);
    for (const perspective of order) {
      budgetTotals.set(perspective, addBudgetSheet(workbook, context, perspective, sections.budget[perspective]!));
      noted(lastSheet(), 'xlsx.note.budget');
    }
  }
  if (results.options.length > 0) {
    const years = yearRows(results);
    const names = addOptionsSheet(workbook, context, results, scenario, years.blocks);
    const yearsSheet = addYearsSheet(workbook, context, years.rows);
    if (yearsSheet.name !== names.years)
      throw new Error(`resultsWorkbook: the years sheet is "${yearsSheet.name}", the formulas expect "${names.years}"`);
    noted(names.options, 'xlsx.note.options');
    noted(names.years, 'xlsx.note.years');
  }
  addInputsSheet(workbook, context, results, scenario);
  noted(lastSheet(), 'xlsx.note.inputs');
  if (results.options.some((o) => o.monteCarlo !== undefined)) {
    addSimulationSheets(workbook, context, results, scenario);
    const [simulations, sensitivity] = workbook.worksheets.slice(-2).map((sheet) => sheet.name);
    noted(simulations ?? '', 'xlsx.note.simulations');
    noted(sensitivity ?? '', 'xlsx.note.sensitivity');
  }
  if (results.options.length > 0) {
    addBreakEvenSheet(workbook, context, results, scenario);
    noted(lastSheet(), 'xlsx.note.breakEven');
  }
  if (informationRows(results).length > 1) {
    addInformationSheet(workbook, context, results);
    noted(lastSheet(), 'xlsx.note.information');
  }
  fillSummary(summary, results, scenario, stamp, basis, budgetTotals, notes);
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
