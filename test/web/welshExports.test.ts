/**
 * The exports in Welsh: under /cy/ the workbook's sheet names, headers, units and language and the
 * CSVs' headers come from the Welsh catalogue, and the file names say "-cy"; English keeps its
 * names. Expected texts are read from the catalogue (`t(key, params, 'cy')`), not written out, so
 * the tests hold whatever the translators' wording.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { t, withLocale, type MessageKey } from '../../src/report/messages';
import { resultsWorkbook, sheetName } from '../../src/report/workbook';
import { loadScenario } from '../../src/scenario/load';
import type { Scenario } from '../../src/scenario/types';
import { localText } from '../../src/report/localText';
import { csvTables, decisionResults, testStamp } from '../report/decisionFixture';
import { binaryBody, testApp } from './helpers';
import { scenarioDir } from './scenarioDir';

const cy = (key: MessageKey, params = {}): string => t(key, params, 'cy');

function loadedCentral(): Scenario {
  const loaded = loadScenario(readFileSync('scenarios/class-central.yaml', 'utf8'), 'class-central.yaml', []);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('; '));
  return loaded.scenario;
}
/** Characters no spreadsheet allows in a sheet name. */
const FORBIDDEN = /[\\/?*[\]:]/;

function expectValidSheetNames(workbook: ExcelJS.Workbook): void {
  const names = workbook.worksheets.map((sheet) => sheet.name);
  for (const name of names) {
    expect(name.length, name).toBeLessThanOrEqual(31);
    expect(name, name).not.toMatch(FORBIDDEN);
    expect(name.startsWith("'") || name.endsWith("'"), name).toBe(false);
  }
  expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
}

describe('the workbook made under withLocale("cy")', () => {
  const stamp = testStamp({ url: 'http://localhost/cy/scenarios/x?seed=7' });

  it('names its sheets and heads its columns in Welsh, valid for a spreadsheet, and says its language', async () => {
    const scenario = loadedCentral();
    const bytes = await withLocale('cy', () => resultsWorkbook(decisionResults(), scenario, stamp));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expectValidSheetNames(workbook);
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names[0]).toBe(sheetName(cy('xlsx.sheet.summary')));
    expect(names).toContain(sheetName(cy('decisionTable.sheet')));
    expect(names).toContain(sheetName(cy('xlsx.sheet.budget', { perspective: cy('xlsx.regionShort') })));
    expect(names).toContain(sheetName(cy('xlsx.sheet.inputs')));
    expect((workbook as ExcelJS.Workbook & { language?: string }).language).toBe('cy-GB');

    // Headers in Welsh, a money column with the Welsh unit after its words.
    const decision = workbook.getWorksheet(sheetName(cy('decisionTable.sheet')))!;
    expect(decision.getCell('A4').value).toBe(cy('decisionTable.head.perspective'));
    expect(decision.getCell('F4').value).toBe(`${cy('decisionTable.head.addsCentral')} ${cy('xlsx.unit.money')}`);
    // The region's rows say so in Welsh.
    expect(decision.getCell('A5').value).toBe(cy('perspective.region'));
    const summary = workbook.worksheets[0]!;
    expect(summary.getCell('A1').value).toBe(cy('xlsx.summary.title', { name: String(decisionResults().scenario.name) }));
  });
});

describe('exports under /cy/', () => {
  const folder = scenarioDir(['class-central']);
  afterAll(() => folder.remove());
  const app = testApp({}, { scenariosDir: folder.dir }).app;
  const QUERY = '?iterations=200&seed=3';

  it('the workbook: "-cy" in its file name, Welsh sheet names and headers', async () => {
    const response = await request(app).get(`/cy/scenarios/class-central/results.xlsx${QUERY}`).buffer(true).parse(binaryBody);
    expect(response.status).toBe(200);
    expect(String(response.headers['content-disposition'])).toMatch(/filename="?class-central-cy-[0-9a-f]{12}\.xlsx"?$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as unknown as ArrayBuffer);
    expectValidSheetNames(workbook);
    expect(workbook.worksheets[0]!.name).toBe(sheetName(cy('xlsx.sheet.summary')));
    // The options sheet's totals add up the Welsh-named years sheet.
    const options = workbook.getWorksheet(sheetName(cy('xlsx.sheet.options')))!;
    const years = sheetName(cy('xlsx.sheet.years'));
    const formulas = options.getRow(5).values as unknown[];
    expect(
      formulas.some(
        (v) => typeof v === 'object' && v !== null && 'formula' in v && String((v as { formula: string }).formula).includes(`'${years}'!`),
      ),
    ).toBe(true);
    const inputs = workbook.getWorksheet(sheetName(cy('xlsx.sheet.inputs')))!;
    expect(inputs.getCell('A4').value).toBe(cy('workbook.head.label'));
    // Every council's budget sheet is there and valid, the region's first.
    const budgets = workbook.worksheets.filter((sheet) =>
      sheet.name.startsWith(sheetName(cy('xlsx.sheet.budget', { perspective: '' })).trim()),
    );
    // Councils by their Welsh labels from the scenario file.
    const councils = loadedCentral().councils.map((council) => localText(council.label ?? { en: council.name }, 'cy'));
    expect(councils).toContain('Pen-y-bont ar Ogwr');
    expect(budgets.map((sheet) => sheet.name)).toEqual(
      [cy('xlsx.regionShort'), ...councils].map((who) => sheetName(cy('xlsx.sheet.budget', { perspective: who }))),
    );
  }, 60_000);

  it('the CSVs: "-cy" in their file names, Welsh headers; English keeps its own', async () => {
    const csv = await request(app).get(`/cy/scenarios/class-central/results.csv${QUERY}`);
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-disposition'])).toMatch(/filename="?class-central-cy-[0-9a-f]{12}\.csv"?$/);
    const head = csv.text.split('\n')[0]!.split(',');
    expect(head.slice(0, 3)).toEqual([cy('csv.head.table'), cy('csv.head.scenario'), cy('csv.head.scenario_hash')]);
    expect(head).toContain(cy('csv.head.npv_present_value_gbp'));
    expect(head).toContain(cy('csv.head.run_url'));
    const perspectives = new Set(csvTables(csv.text)[0]!.map((row) => row[cy('csv.head.perspective')]));
    expect([...perspectives].slice(0, 2)).toEqual([cy('csv.value.region'), 'Pen-y-bont ar Ogwr']);
    const information = await request(app).get(`/cy/scenarios/class-central/results-information.csv${QUERY}`);
    expect(String(information.headers['content-disposition'])).toMatch(/filename="?class-central-cy-[0-9a-f]{12}-information\.csv"?$/);
    expect(information.text.split('\n')[0]!.split(',').slice(0, 3)).toEqual([
      cy('csv.head.scenario'),
      cy('csv.head.scenario_hash'),
      cy('csv.head.section'),
    ]);

    const english = await request(app).get(`/scenarios/class-central/results.csv${QUERY}`);
    expect(String(english.headers['content-disposition'])).toMatch(/filename="?class-central-[0-9a-f]{12}\.csv"?$/);
    expect(
      english.text.startsWith(
        'table,scenario,scenario_hash,model_version,extension_years,perspective,financial_year,referrals_whole_children,',
      ),
    ).toBe(true);
  }, 60_000);
});
