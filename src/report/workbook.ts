/**
 * The Excel workbook export (the only module that imports exceljs): the run stamp, the inputs in
 * words and as written, totals and financial years by option and perspective, the Monte Carlo
 * summary and the break-even figures. Numbers are written unrounded; every text cell goes through
 * safeText so nothing in a scenario can become a formula.
 */
import ExcelJS from 'exceljs';
import type { Results } from '../model/results';
import type { Scenario } from '../scenario/types';
import { FLOW_FIELDS, resultRows, safeText } from './csv';
import { informationRows } from './informationExport';
import { informationReport } from './informationReport';
import { inputLabel } from './inputs';
import { assumptionsOf } from './inputs';
import { t } from './messages';
import { stampPairs, type RunStamp } from './stamp';

type Cell = string | number | null;

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
