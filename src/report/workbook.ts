/**
 * The Excel workbook export (the only module that imports exceljs): the run stamp, the decision and
 * the cash budget (v1.2 results: headers in words, money in a £ format, the money basis above each),
 * the inputs in words and as written, totals and financial years by option and perspective, the
 * Monte Carlo summary and the break-even figures. Numbers are written unrounded; every text cell goes through
 * safeText so nothing in a scenario can become a formula.
 */
import ExcelJS from 'exceljs';
import type { BudgetYear, DecisionOption, PerspectiveDecision, Results } from '../model/results';
import type { Scenario } from '../scenario/types';
import { FLOW_FIELDS, resultRows, safeText } from './csv';
import { decisionSections, type DecisionSections } from './decisionResults';
import { informationRows } from './informationExport';
import { informationReport } from './informationReport';
import { inputLabel } from './inputs';
import { assumptionsOf } from './inputs';
import { t, type MessageKey } from './messages';
import { moneyBasisSentence } from './moneyBasis';
import { stampPairs, type RunStamp } from './stamp';

type Cell = string | number | null;

/** Pounds with a thousands separator, negatives with a minus sign; the value stays unrounded. */
export const MONEY_FORMAT = '£#,##0;-£#,##0';
export const SHARE_FORMAT = '0.0%';

/** One column of a sheet whose header is in words: what it holds, and how a cell of it is shown. */
interface Column<Row> {
  head: MessageKey;
  kind: 'money' | 'share' | 'plain';
  value: (row: Row) => Cell;
}

/**
 * A sheet with the money basis in its first row, headers in words in the second (bold, wrapped,
 * frozen), then the rows; money and share cells carry their number format.
 */
function addTableSheet<Row>(workbook: ExcelJS.Workbook, name: string, basis: string, columns: readonly Column<Row>[], rows: readonly Row[]): void {
  const sheet = workbook.addWorksheet(name);
  sheet.addRow([safeText(basis)]).font = { italic: true };
  const head = sheet.addRow(columns.map((c) => t(c.head)));
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'top' };
  for (const row of rows) sheet.addRow(columns.map((c) => { const v = c.value(row); return typeof v === 'string' ? safeText(v) : v; }));
  columns.forEach((column, i) => {
    const sheetColumn = sheet.getColumn(i + 1);
    sheetColumn.width = column.kind === 'plain' ? 16 : 14;
    if (column.kind === 'money') sheetColumn.numFmt = MONEY_FORMAT;
    if (column.kind === 'share') sheetColumn.numFmt = SHARE_FORMAT;
  });
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
}

interface DecisionRow {
  perspective: string;
  afterUpdate: boolean;
  decision: PerspectiveDecision;
  option: DecisionOption;
}

const yesNo = (yes: boolean): string => t(yes ? 'decisionTable.yes' : 'decisionTable.no');

const DECISION_COLUMNS: readonly Column<DecisionRow>[] = [
  { head: 'decisionTable.head.perspective', kind: 'plain', value: (r) => r.perspective },
  { head: 'decisionTable.head.afterUpdate', kind: 'plain', value: (r) => yesNo(r.afterUpdate) },
  { head: 'decisionTable.head.extensionYears', kind: 'plain', value: (r) => r.option.extensionYears },
  { head: 'decisionTable.head.isBest', kind: 'plain', value: (r) => yesNo(r.decision.bestOption === r.option.extensionYears) },
  { head: 'decisionTable.head.isBestCentral', kind: 'plain', value: (r) => yesNo(r.decision.bestOptionCentral === r.option.extensionYears) },
  { head: 'decisionTable.head.addsCentral', kind: 'money', value: (r) => r.option.incrementalNpv.central },
  { head: 'decisionTable.head.addsMean', kind: 'money', value: (r) => r.option.incrementalNpv.mean },
  { head: 'decisionTable.head.addsSem', kind: 'money', value: (r) => r.option.incrementalNpv.sem },
  { head: 'decisionTable.head.addsP10', kind: 'money', value: (r) => r.option.incrementalNpv.p10 },
  { head: 'decisionTable.head.addsP50', kind: 'money', value: (r) => r.option.incrementalNpv.p50 },
  { head: 'decisionTable.head.addsP90', kind: 'money', value: (r) => r.option.incrementalNpv.p90 },
  { head: 'decisionTable.head.addsPositive', kind: 'share', value: (r) => r.option.incrementalNpv.probabilityPositive },
  { head: 'decisionTable.head.cashCentral', kind: 'money', value: (r) => r.option.incrementalNetCash.central },
  { head: 'decisionTable.head.cashMean', kind: 'money', value: (r) => r.option.incrementalNetCash.mean },
  { head: 'decisionTable.head.marginalCentral', kind: 'money', value: (r) => r.option.marginalNpv?.central ?? null },
  { head: 'decisionTable.head.marginalMean', kind: 'money', value: (r) => r.option.marginalNpv?.mean ?? null },
  { head: 'decisionTable.head.marginalSem', kind: 'money', value: (r) => r.option.marginalNpv?.sem ?? null },
  { head: 'decisionTable.head.chanceBest', kind: 'share', value: (r) => r.option.probabilityBest },
  { head: 'decisionTable.head.chanceBestSem', kind: 'share', value: (r) => r.option.probabilityBestSem },
  { head: 'decisionTable.head.expectedLoss', kind: 'money', value: (r) => r.option.expectedLoss },
  { head: 'decisionTable.head.expectedLossSem', kind: 'money', value: (r) => r.option.expectedLossSem },
  { head: 'decisionTable.head.breakEven', kind: 'money', value: (r) => r.option.breakEvenAnnualPrice },
  { head: 'decisionTable.head.breakEvenCentral', kind: 'money', value: (r) => r.option.breakEvenAnnualPriceCentral },
  { head: 'decisionTable.head.endedEarly', kind: 'share', value: (r) => r.option.probabilityEndedEarly },
];

interface BudgetRow {
  perspective: string;
  extensionYears: number;
  year: BudgetYear;
}

const BUDGET_COLUMNS: readonly Column<BudgetRow>[] = [
  { head: 'decisionTable.head.perspective', kind: 'plain', value: (r) => r.perspective },
  { head: 'decisionTable.head.extensionYears', kind: 'plain', value: (r) => r.extensionYears },
  { head: 'budget.head.financialYear', kind: 'plain', value: (r) => r.year.year },
  { head: 'budget.row.gross', kind: 'money', value: (r) => r.year.grossContractCost },
  { head: 'budget.row.grant', kind: 'money', value: (r) => r.year.externalFunding },
  { head: 'budget.row.own', kind: 'money', value: (r) => r.year.ownContribution },
  { head: 'budget.row.cashable', kind: 'money', value: (r) => r.year.cashableSaving },
  { head: 'budget.row.nonCashable', kind: 'money', value: (r) => r.year.nonCashableSaving },
  { head: 'budget.row.net', kind: 'money', value: (r) => r.year.netBudgetEffect },
  { head: 'budget.row.cumulative', kind: 'money', value: (r) => r.year.cumulativeNetBudgetEffect },
  { head: 'budget.row.p10', kind: 'money', value: (r) => r.year.netBudgetEffectP10 },
  { head: 'budget.row.p50', kind: 'money', value: (r) => r.year.netBudgetEffectP50 },
  { head: 'budget.row.p90', kind: 'money', value: (r) => r.year.netBudgetEffectP90 },
];

/** The Decision sheet (each perspective and option, before and after a monitoring update) and the Budget sheet. */
function addDecisionSheets(workbook: ExcelJS.Workbook, sections: DecisionSections): void {
  const basis = moneyBasisSentence(sections.moneyBasis);
  const decisionRows = (decision: Record<string, PerspectiveDecision>, afterUpdate: boolean): DecisionRow[] =>
    Object.entries(decision).flatMap(([perspective, d]) => d.options.map((option) => ({ perspective, afterUpdate, decision: d, option })));
  addTableSheet(workbook, t('decisionTable.sheet'), basis, DECISION_COLUMNS, [
    ...decisionRows(sections.decision, false),
    ...(sections.updatedDecision ? decisionRows(sections.updatedDecision, true) : []),
  ]);
  const budgetRows = Object.entries(sections.budget).flatMap(([perspective, options]) =>
    options.flatMap((option) => option.byFinancialYear.map((year) => ({ perspective, extensionYears: option.extensionYears, year }))),
  );
  addTableSheet(workbook, t('budget.sheet'), basis, BUDGET_COLUMNS, budgetRows);
}

function addSheet(workbook: ExcelJS.Workbook, name: string, rows: Cell[][]): void {
  const sheet = workbook.addWorksheet(name);
  for (const row of rows) sheet.addRow(row.map((cell) => (typeof cell === 'string' ? safeText(cell) : cell)));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((column) => {
    let width = 10;
    column.eachCell?.({ includeEmpty: false }, (cell) => {
      width = Math.max(width, Math.min(60, String(cell.value ?? '').length + 2));
    });
    column.width = width;
  });
}

const STATS = ['mean', 'sem', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95'] as const;

/** The workbook as bytes (.xlsx). */
export async function resultsWorkbook(results: Results, scenario: Scenario, stamp: RunStamp): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = t('service.name');
  workbook.created = new Date(stamp.ranAt);

  addSheet(workbook, t('workbook.sheet.run'), [
    [t('workbook.head.item'), t('workbook.head.value')],
    ...stampPairs(stamp),
    [t('workbook.priceBase'), stamp.priceBase],
    [t('workbook.discountRate'), stamp.discountRate],
    [t('workbook.caveat'), t('report.caveat.projection')],
  ]);

  const sections = decisionSections(results);
  if (sections !== null) addDecisionSheets(workbook, sections);

  addSheet(workbook, t('workbook.sheet.inputs'), [
    [t('workbook.head.path'), t('workbook.head.label'), t('workbook.head.inWords'), t('workbook.head.central'), t('workbook.head.source'), t('workbook.head.line')],
    ...assumptionsOf(scenario).map((a) => [a.path, a.label, a.text, a.centralText, a.source, a.line || null]),
    [],
    [t('workbook.head.council'), t('workbook.head.childrenShare'), t('workbook.head.matchShare')],
    ...scenario.councils.map((c) => [c.name, c.childrenShare, c.matchShare]),
    [],
    [t('workbook.head.sources')],
    ...scenario.sources.map((s) => [s]),
  ]);

  const totalFields = [...FLOW_FIELDS, 'bcr', 'paybackMonth'] as const;
  addSheet(workbook, t('workbook.sheet.totals'), [
    ['extensionYears', 'perspective', ...totalFields],
    ...results.options.flatMap((option) =>
      Object.entries(option.perspectives).map(([name, p]) => [option.extensionYears, name, ...totalFields.map((f) => p.totals[f])]),
    ),
  ]);

  addSheet(workbook, t('workbook.sheet.years'), resultRows(results));

  const simulated = results.options.filter((o) => o.monteCarlo !== undefined);
  if (simulated.length > 0) {
    addSheet(workbook, t('workbook.sheet.monteCarlo'), [
      ['extensionYears', 'perspective', 'measure', ...STATS, 'probabilityNpvPositive', 'probabilityNpvPositiveSem', 'probabilityPaidBack'],
      ...simulated.flatMap((option) =>
        Object.entries(option.monteCarlo!.perspectives).flatMap(([name, p]) =>
          (['npv', 'netSaving', 'residentialPlacementsAvoided'] as const).map((measure) => [
            option.extensionYears,
            name,
            measure,
            ...STATS.map((s) => p[measure][s]),
            p.probabilityNpvPositive,
            p.probabilityNpvPositiveSem,
            p.probabilityPaidBack,
          ]),
        ),
      ),
    ]);
    addSheet(workbook, t('workbook.sheet.tornado'), [
      ['extensionYears', 'input', t('workbook.head.label'), 'low', 'high', 'npvAtLow', 'npvAtHigh'],
      ...simulated.flatMap((option) => option.monteCarlo!.tornado.map((bar) => [option.extensionYears, bar.input, inputLabel(bar.input), bar.low, bar.high, bar.npvAtLow, bar.npvAtHigh])),
    ]);
  }

  const paths = Object.keys(results.options[0]?.breakEven.switchingValues ?? {});
  addSheet(workbook, t('workbook.sheet.breakEven'), [
    ['extensionYears', 'placementsNeeded', ...paths],
    ...results.options.map((o) => [o.extensionYears, o.breakEven.placementsNeeded, ...paths.map((p) => o.breakEven.switchingValues[p] ?? null)]),
  ]);

  const information = informationRows(results);
  if (information.length > 1) {
    const words = informationReport(results);
    const sentences = [
      ...(words.tracking ? [...words.tracking.sentences, words.tracking.effectiveSampleSize, ...words.tracking.warnings] : []),
      ...(words.update?.sentences ?? []),
      ...(words.value ? [...words.value.sentences, words.value.measures].filter((s) => s !== '') : []),
      ...(words.wait ? [words.wait.verdict, ...words.wait.sentences] : []),
    ];
    addSheet(workbook, t('workbook.sheet.information'), [...information, [], [t('workbook.head.information')], ...sentences.map((s) => [s])]);
  }

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
