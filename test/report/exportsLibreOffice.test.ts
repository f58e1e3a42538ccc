// The exports of class-central as a finance officer gets them. The workbook is opened in a real
// spreadsheet program, LibreOffice headless (Debian's libreoffice-calc; .ci/run installs it), with
// every formula's cached result removed first, so each total we read back was recalculated by
// LibreOffice; those totals must equal the JSON results of the same run (runScenario, the shape of
// `npm run model -- scenarios/class-central.yaml --format json`). The CSV is checked for its tidy form.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Results } from '../../src/model/results';
import { resultsCsv } from '../../src/report/csv';
import { runStamp } from '../../src/report/stamp';
import { resultsWorkbook } from '../../src/report/workbook';
import { runScenario } from '../../src/run/analyse';
import { loadScenario } from '../../src/scenario/load';
import type { Scenario } from '../../src/scenario/types';
import { csvTables, parseCsv } from './decisionFixture';

const SOFFICE = process.env.SOFFICE_PATH ?? ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p)) ?? '/usr/bin/soffice';
const HAS_SOFFICE = existsSync(SOFFICE);
const SKIP_REASON = `LibreOffice test skipped: ${SOFFICE} not found (apt-get install -y libreoffice-calc; .ci/run does this).`;
if (!HAS_SOFFICE) console.warn(SKIP_REASON);

let scenario: Scenario;
let results: Results;

beforeAll(async () => {
  const loaded = loadScenario(readFileSync('scenarios/class-central.yaml', 'utf8'), 'class-central.yaml', []);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('; '));
  scenario = loaded.scenario;
  results = await runScenario(scenario, { iterations: 200, seed: 5 });
}, 60_000);

/** The workbook with every formula's cached result removed, so a reader must recalculate. */
async function workbookWithoutResults(): Promise<Buffer> {
  const stamp = runStamp(results, {
    file: 'class-central',
    fileHash: 'f',
    changes: [],
    ranAt: new Date('2025-06-02T10:00:00Z'),
    url: 'http://localhost:3000/scenarios/class-central?iterations=200&seed=5',
  });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await resultsWorkbook(results, scenario, stamp)) as unknown as ArrayBuffer);
  let formulas = 0;
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        cell.value = { formula: (cell.value as { formula: string }).formula } as ExcelJS.CellFormulaValue;
        formulas++;
      }),
    ),
  );
  expect(formulas).toBeGreaterThan(500);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

describe.skipIf(!HAS_SOFFICE)('the workbook recalculated by LibreOffice', () => {
  let dir: string;
  /** Each sheet as LibreOffice wrote it: raw values (not as shown), recalculated. */
  const sheets = new Map<string, string[][]>();

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'class-lo-'));
    writeFileSync(path.join(dir, 'class-central.xlsx'), await workbookWithoutResults());
    // Tokens: comma, double quote, UTF-8, from line 1, -, -, -, -, raw values (not as shown), values not formulas, -, every sheet.
    await promisify(execFile)(
      SOFFICE,
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=file://${dir}/profile`,
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
        '--outdir',
        dir,
        path.join(dir, 'class-central.xlsx'),
      ],
      { timeout: 60_000 },
    );
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.csv'))) {
      sheets.set(file.replace(/^class-central-/, '').replace(/\.csv$/, ''), parseCsv(readFileSync(path.join(dir, file), 'utf8')));
    }
  }, 90_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const sheet = (name: string): string[][] => {
    const rows = sheets.get(name);
    expect(rows, `sheet ${name} (have ${[...sheets.keys()].join(', ')})`).toBeDefined();
    return rows!;
  };
  const near = (actual: string | undefined, expected: number, label: string, tolerance = 0.005): void => {
    expect(actual, label).toBeDefined();
    expect(actual, label).not.toBe('');
    expect(Math.abs(Number(actual) - expected), `${label}: LibreOffice ${actual}, JSON ${expected}`).toBeLessThanOrEqual(tolerance);
  };

  it('every sheet came back', () => {
    expect([...sheets.keys()].sort()).toEqual(
      [
        'Summary',
        'Decision',
        'Budget – Region',
        'Budget – Bridgend',
        'Budget – Rhondda Cynon Taf',
        'Budget – Merthyr Tydfil',
        'Options, whole term',
        'By financial year',
        'Inputs and sources',
        'Simulations',
        'What matters most',
        'Break-even',
        'Monitoring and information',
      ].sort(),
    );
  });

  it('each budget sheet: totals, own contribution, net and cumulative equal the JSON budget of every option', () => {
    const names: Record<string, string> = { region: 'Budget – Region' };
    let checked = 0;
    for (const [perspective, options] of Object.entries(results.budget!)) {
      const rows = sheet(names[perspective] ?? `Budget – ${perspective}`);
      const heads = rows.flatMap((row, i) => (row[0] === 'Budget line (£, cash)' ? [i] : []));
      expect(heads).toHaveLength(options.length);
      options.forEach((option, o) => {
        const years = option.byFinancialYear;
        const line = (label: string): string[] => rows.slice(heads[o]!, heads[o]! + 12).find((row) => row[0] === label)!;
        const total = years.length + 1;
        const lines: [string, (y: (typeof years)[number]) => number][] = [
          ['Contract cost', (y) => y.grossContractCost],
          ['Paid by the grant', (y) => y.externalFunding],
          ['Own contribution', (y) => y.ownContribution],
          ['Cashable saving', (y) => y.cashableSaving],
          ['Saving that only frees capacity (not cash)', (y) => y.nonCashableSaving],
          ['Net budget effect (cashable saving less own contribution)', (y) => y.netBudgetEffect],
        ];
        for (const [label, value] of lines) {
          near(line(label)[total], sum(years.map(value)), `${perspective} option ${option.extensionYears} ${label} total`);
          years.forEach((y, i) => near(line(label)[i + 1], value(y), `${perspective} option ${option.extensionYears} ${label} ${y.year}`));
          checked++;
        }
        years.forEach((y, i) =>
          near(
            line('Cumulative net budget effect')[i + 1],
            y.cumulativeNetBudgetEffect,
            `${perspective} ${option.extensionYears} cumulative ${y.year}`,
          ),
        );
      });
    }
    expect(checked).toBe(4 * 5 * 6);
  });

  it('options over the whole term: each SUM of the financial years equals the JSON totals; the ratio its bcr', () => {
    const rows = sheet('Options, whole term');
    const head = rows[3]!;
    const column = (start: string): number => head.findIndex((h) => h.startsWith(start));
    const checks: [number, keyof Results['options'][number]['perspectives'][string]['totals'], number][] = [
      [column('Referrals'), 'referrals', 1e-6],
      [column('Children turned away'), 'turnedAway', 1e-6],
      [column('Residential placements avoided'), 'residentialPlacementsAvoided', 1e-6],
      [column('Cost avoided (£, cash)'), 'avoidedCost', 0.005],
      [column('Contract cost (£, cash)'), 'contractCost', 0.005],
      [column('Net saving'), 'netSaving', 0.005],
      [column('Net present value'), 'npv', 0.005],
      [column('Benefit-cost ratio'), 'bcr', 1e-9],
    ];
    expect(checks.every(([c]) => c > 0)).toBe(true);
    const body = rows.slice(4).filter((row) => row[0] !== '');
    expect(body).toHaveLength(5 * 4);
    for (const row of body) {
      const perspective = row[1] === 'The region' ? 'region' : row[1]!;
      const totals = results.options.find((o) => o.extensionYears === Number(row[0]))!.perspectives[perspective]!.totals;
      for (const [c, field, tolerance] of checks) near(row[c], totals[field] as number, `${row[0]} ${perspective} ${field}`, tolerance);
      expect(row[column('Pays back in')]).toMatch(
        /^(January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$|^not within the years modelled$/,
      );
    }
  });

  it('the summary: each budget effect as the difference of the two budget totals', () => {
    const rows = sheet('Summary');
    const head = rows.findIndex((row) => row[0] === 'Perspective');
    const focus = results.headlineExtensionYears as number;
    const total = (perspective: string, k: number): number =>
      sum(results.budget![perspective]!.find((b) => b.extensionYears === k)!.byFinancialYear.map((y) => y.netBudgetEffect));
    for (const [i, perspective] of ['region', 'Bridgend', 'Rhondda Cynon Taf', 'Merthyr Tydfil'].entries()) {
      const row = rows[head + 1 + i]!;
      expect(row[0]).toBe(perspective === 'region' ? 'The region' : perspective);
      near(row[2], total(perspective, focus), `${perspective} with the option`);
      near(row[3], total(perspective, 0), `${perspective} with no extension`);
      near(row[4], total(perspective, focus) - total(perspective, 0), `${perspective} difference`);
    }
  });
});

describe('the results CSV in tidy form', () => {
  it('units in every header, money in pennies, children whole, no long floats, the money basis on every row', () => {
    const [years, decision, budget] = csvTables(resultsCsv(results));
    const head = Object.keys(years![0]!);
    expect(head).toEqual([
      'table',
      'scenario',
      'scenario_hash',
      'model_version',
      'extension_years',
      'perspective',
      'financial_year',
      'referrals_whole_children',
      'starts_whole_children',
      'waiting_at_end_whole_children',
      'turned_away_whole_children',
      'breakdowns_prevented_expected_number',
      'residential_placements_avoided_expected_number',
      'residential_weeks_avoided_weeks',
      'avoided_cost_cash_gbp',
      'avoided_cost_cashable_cash_gbp',
      'contract_cost_cash_gbp',
      'net_saving_cash_gbp',
      'avoided_cost_present_value_gbp',
      'contract_cost_present_value_gbp',
      'npv_present_value_gbp',
      'price_base',
      'inflation_per_year_share',
      'contract_price',
      'discount_rate_per_year_share',
      'discount_base_year',
      'money_basis',
    ]);
    // 5 options x 4 perspectives x 8 financial years (2024/25 to 2031/32).
    expect(years).toHaveLength(160);
    const region = results.options[0]!.perspectives.region!.byFinancialYear[1]!;
    const row = years!.find((r) => r.extension_years === '0' && r.perspective === 'region' && r.financial_year === region.year)!;
    expect(Number(row.referrals_whole_children)).toBe(Math.round(region.referrals));
    expect(Number(row.npv_present_value_gbp)).toBe(Math.round(region.npv * 100) / 100);
    for (const table of [years!, decision!, budget!]) {
      for (const r of table) {
        expect(r.money_basis).toMatch(/^Money basis: cash figures include 2% a year general inflation/);
        for (const [key, value] of Object.entries(r)) {
          if (key.endsWith('_whole_children')) expect(value, key).toMatch(/^\d+$/);
          else if (key.endsWith('_gbp')) expect(value, key).toMatch(/^(-?\d+(\.\d{1,2})?)?$/);
          else if (key.endsWith('_share')) expect(value, key).toMatch(/^(\d(\.\d{1,4})?)?$/);
          else expect(value, key).not.toMatch(/\.\d{5,}/);
        }
      }
    }
    expect([...head, ...Object.keys(decision![0]!), ...Object.keys(budget![0]!)].filter((k) => /[A-Z]/.test(k))).toEqual([]);
  });
});
