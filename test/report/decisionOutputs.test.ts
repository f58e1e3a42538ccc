// The decision, budget and money basis in the command-line table, the CSV and the workbook
// (shared/model.md sections 17-18), on the hand-made results of decisionFixture.ts. Expected
// figures are the fixture's, formatted by hand: -12,345.67 -> "-£12,346"; 10,000.125 -> "£10,000".
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { resultsCsv } from '../../src/report/csv';
import { stampedInformationCsv, stampedResultsCsv } from '../../src/report/exports';
import { moneyBasisSentence } from '../../src/report/moneyBasis';
import { resultsTable } from '../../src/report/table';
import { textTable, wrapText } from '../../src/report/textTable';
import { MONEY_FORMAT, SHARE_FORMAT, resultsWorkbook } from '../../src/report/workbook';
import { loadScenario } from '../../src/scenario/load';
import { BASIS, csvTables, decisionResults, testStamp } from './decisionFixture';

const SENTENCE =
  'Money basis: cash figures include 2% a year general inflation; present values are in 2024/25 prices, discounted to 2026/27 at 3.5% a year; the contract is a cash price.';

/** A table line's cells: the label, then each value (columns are two or more spaces apart). */
function cells(line: string): string[] {
  return line.trim().split(/\s{2,}/);
}

/** The first line after `from` whose label is `label`, as cells. */
function rowAfter(lines: string[], from: number, label: string): string[] {
  const index = lines.findIndex((line, i) => i > from && line.trim().startsWith(label) && cells(line)[0] === label);
  expect(index, label).toBeGreaterThan(from);
  return cells(lines[index]!);
}

describe('the money basis sentence', () => {
  it('says inflation, price base, discount base and the contract price', () => {
    expect(moneyBasisSentence(BASIS)).toBe(SENTENCE);
  });

  it('with no inflation, says cash and real are the same', () => {
    expect(
      moneyBasisSentence({ priceBase: '2025/26', inflation: 0, contractPrice: 'real', discountRate: 0.035, discountBaseYear: '2025/26' }),
    ).toBe(
      'Money basis: cash figures assume no general inflation, so cash equals real terms; present values are in 2025/26 prices, discounted to 2025/26 at 3.5% a year; the contract is a real-terms price.',
    );
  });
});

describe('text tables for a terminal', () => {
  it('puts columns that do not fit in a second block, repeating the labels', () => {
    const lines = textTable(['2025/26', '2026/27', '2027/28'], [{ label: 'Net', cells: ['£1', '£22', '£333'] }], 24);
    // Label 3 wide; each column 7 wide plus 2 spaces: 3 + 9 + 9 = 21 fits, a third column would make 30.
    expect(lines).toEqual(['     2025/26  2026/27', 'Net       £1      £22', '', '     2027/28', 'Net     £333']);
  });

  it('wraps text at spaces', () => {
    expect(wrapText('one two three four', 9)).toBe('one two\nthree\nfour');
    expect(wrapText('one two three', 9, '  ', '    ')).toBe('  one two\n    three');
  });
});

describe('command-line table', () => {
  const table = resultsTable(decisionResults());
  const lines = table.split('\n');

  it('fits an 100-column terminal and states the money basis once', () => {
    expect(lines.filter((line) => line.length > 100)).toEqual([]);
    expect(table.replace(/\n/g, ' ').split(SENTENCE)).toHaveLength(2);
  });

  it('shows each perspective decision with the figures of the results', () => {
    const region = lines.indexOf('For region:');
    expect(cells(lines[region + 1]!)).toEqual(['No extension', '1 year', '2 years']);
    expect(lines[region + 2]).toBe('What it adds to stopping at the end of the fixed term (NPV)');
    expect(rowAfter(lines, region, 'at the central values')).toEqual(['at the central values', '£0', '-£12,346', '-£250,000']);
    expect(rowAfter(lines, region, 'average across the simulations')).toEqual([
      'average across the simulations',
      '£0',
      '£23,457',
      '-£150,000',
    ]);
    expect(rowAfter(lines, region, 'standard error')).toEqual(['standard error', '£0', '£4,321', '£9,000']);
    expect(rowAfter(lines, region, 'Chance it is the best option')).toEqual(['Chance it is the best option', '40.0%', '45.0%', '15.0%']);
    // SE of 45% over 2,000 draws: sqrt(0.45 x 0.55 / 2000) = 0.0111 -> 1.1%.
    expect(
      rowAfter(
        lines,
        lines.findIndex((l) => l.startsWith('Chance it is the best option')),
        'standard error',
      ),
    ).toEqual(['standard error', '1.1%', '1.1%', '0.8%']);
    expect(rowAfter(lines, region, 'Expected loss against the best')).toEqual([
      'Expected loss against the best',
      '£52,000',
      '£41,001',
      '£190,000',
    ]);
    expect(rowAfter(lines, region, 'Chance the contract ended early')).toEqual([
      'Chance the contract ended early',
      '0.0%',
      '50.0%',
      '50.0%',
    ]);
    const breakEven = lines.indexOf('Break-even annual price (contract annual value)', region);
    expect(rowAfter(lines, breakEven, 'at the central values')).toEqual(['at the central values', 'n/a', '£610,000', '£480,000']);
    expect(rowAfter(lines, breakEven, 'average across the simulations')).toEqual([
      'average across the simulations',
      'n/a',
      '£702,346',
      '£520,000',
    ]);
    expect(table).toContain(
      'Best option for region: 1 extension year (highest NPV on average across the simulations).\nAt the central values the best would be no extension.',
    );
    expect(table).toContain('Best option for Bridgend: 2 extension years (highest NPV on average across the simulations).\n\n');
  });

  it('shows the headline option budget by financial year, with a total of the flows', () => {
    const region = lines.indexOf(
      'For region:',
      lines.findIndex((l) => l.startsWith('BUDGET EFFECT')),
    );
    expect(lines[region - 3]).toBe('BUDGET EFFECT in cash by financial year: 2 extension years');
    expect(cells(lines[region + 1]!)).toEqual(['2024/25', '2025/26', '2026/27', 'Total']);
    expect(rowAfter(lines, region, 'Own contribution')).toEqual(['Own contribution', '£0', '£40,000', '£30,000', '£70,000']);
    // 50,000.125 - 40,000 = 10,000.125; 20,000 - 30,000 = -10,000; total 0.125 -> £0.
    expect(rowAfter(lines, region, 'Net budget effect')).toEqual(['Net budget effect', '£0', '£10,000', '-£10,000', '£0']);
    expect(rowAfter(lines, region, 'Cumulative net budget effect')).toEqual(['Cumulative net budget effect', '£0', '£10,000', '£0']);
    expect(rowAfter(lines, region, 'Net budget effect, P10')).toEqual(['Net budget effect, P10', '-£5,000', '£5,000', '-£15,000']);
    const bridgend = lines.indexOf('For Bridgend:', region);
    expect(rowAfter(lines, bridgend, 'External funding (grant)')).toEqual([
      'External funding (grant)',
      '£10,000',
      '£36,000',
      '£27,000',
      '£73,000',
    ]);
  });

  it('says which draws were cut at a sanity limit', () => {
    // 0.0035 -> "0.35%"; the label is the catalogue's name of the input.
    expect(table.replace(/\n/g, ' ')).toContain(
      'Length of a residential placement (outcomes.residential_weeks): draws beyond its sanity limit of 520 were cut there (chance of a draw beyond it: 0.35%).',
    );
  });

  it('without Monte Carlo: central values only, and the best option at them', () => {
    const text = resultsTable(decisionResults({ simulated: false }));
    expect(text).not.toContain('average across the simulations');
    expect(text).not.toContain('Chance it is the best option');
    expect(text).not.toContain('P10');
    expect(text).toContain('Best option for region: no extension (highest NPV at the central values).');
  });

  it('after a monitoring update, shows the decision twice', () => {
    const text = resultsTable(decisionResults({ updated: true }));
    expect(text.indexOf('THE DECISION: which extension to take')).toBeLessThan(
      text.indexOf('THE DECISION after updating on the monitoring counts'),
    );
    expect(text.split('Best option for region:')).toHaveLength(3);
  });
});

describe('decision map', () => {
  it('the table draws the grid with the highest y at the top', () => {
    const text = resultsTable(decisionResults({ map: true }));
    expect(text).toContain(
      [
        'For region, at the central values of every other input. Each figure is the best option’s number of',
        'extension years (0: no extension).',
        'Down: Length of a residential placement (outcomes.residential_weeks), from 80 at the top to 40 at',
        'the bottom.',
        'Across: Share of those breakdowns the service prevents (outcomes.effectiveness), from 0.2 on the',
        'left to 0.4 on the right.',
        '',
        '80  0 2 2',
        '40  0 0 1',
      ].join('\n'),
    );
    expect(resultsTable(decisionResults())).not.toContain('DECISION MAP');
  });

  it('the CSV has one row per cell', () => {
    const map = csvTables(resultsCsv(decisionResults({ map: true })))[3]!;
    expect(map.map((r) => [r.table, r.x_value, r.y_value, r.best_option_years])).toEqual([
      ['decision_map', '0.2', '40', '0'],
      ['decision_map', '0.3', '40', '0'],
      ['decision_map', '0.4', '40', '1'],
      ['decision_map', '0.2', '80', '0'],
      ['decision_map', '0.3', '80', '2'],
      ['decision_map', '0.4', '80', '2'],
    ]);
    expect(
      map.every((r) => r.x_input === 'outcomes.effectiveness' && r.y_input === 'outcomes.residential_weeks' && r.money_basis === SENTENCE),
    ).toBe(true);
    expect(csvTables(resultsCsv(decisionResults()))).toHaveLength(3);
  });
});

describe('CSV', () => {
  it('adds a decision table and a budget table after the results, each with units in its header', () => {
    const [results, decision, budget] = csvTables(resultsCsv(decisionResults()));
    expect(results).toEqual([]);
    expect(decision).toHaveLength(6);
    expect(budget).toHaveLength(18);
    const regionOne = decision!.find((r) => r.perspective === 'region' && r.extension_years === '1')!;
    expect(regionOne.table).toBe('decision');
    expect(regionOne.incremental_npv_central_gbp).toBe('-12345.67');
    expect(regionOne.incremental_npv_mean_gbp).toBe('23456.78');
    expect(regionOne.best_option_years).toBe('1');
    expect(regionOne.best_option_central_years).toBe('0');
    // 41,000.6 / 20 = 2,050.03 (rounded to pennies).
    expect(regionOne.expected_loss_sem_gbp).toBe('2050.03');
    expect(regionOne.break_even_annual_price_central_gbp).toBe('610000.49');
    expect(regionOne.money_basis).toBe(SENTENCE);
    expect(regionOne.inflation_per_year_share).toBe('0.02');
    expect(regionOne.contract_price).toBe('cash');
    const regionNone = decision!.find((r) => r.perspective === 'region' && r.extension_years === '0')!;
    expect(regionNone.marginal_npv_central_gbp).toBe('');
    expect(regionNone.break_even_annual_price_gbp).toBe('');
  });

  it('budget rows: money in pennies, net = cashable - own contribution, cumulative sums the years', () => {
    const budget = csvTables(resultsCsv(decisionResults()))[2]!;
    const money = Object.keys(budget[0]!).filter((k) => k.endsWith('_gbp'));
    expect(money).toHaveLength(10);
    for (const row of budget) {
      for (const key of money) expect(row[key], key).toMatch(/^-?\d+(\.\d{1,2})?$/);
      const net = Number(row.net_budget_effect_gbp);
      // Each figure is rounded to pennies on its own, so they agree within a penny.
      expect(Math.abs(net - (Number(row.cashable_saving_gbp) - Number(row.own_contribution_gbp)))).toBeLessThanOrEqual(0.0100001);
      expect(
        Math.abs(Number(row.own_contribution_gbp) - (Number(row.gross_contract_cost_gbp) - Number(row.external_funding_gbp))),
      ).toBeLessThanOrEqual(0.0100001);
    }
    for (const perspective of ['region', 'Bridgend']) {
      for (const k of ['0', '1', '2']) {
        const years = budget.filter((r) => r.perspective === perspective && r.extension_years === k);
        expect(years.map((r) => r.financial_year)).toEqual(['2024/25', '2025/26', '2026/27']);
        let sum = 0;
        years.forEach((r, i) => {
          sum += Number(r.net_budget_effect_gbp);
          expect(Math.abs(Number(r.cumulative_net_budget_effect_gbp) - sum)).toBeLessThanOrEqual(0.01 * (i + 1) + 1e-9);
        });
      }
    }
    const regionTwo = budget.filter((r) => r.perspective === 'region' && r.extension_years === '2');
    // Region option 2: net 0, 10,000.125 -> 10000.13, -10,000; cumulative 0, 10000.13, 0.13 (0.125 rounds up).
    expect(regionTwo.map((r) => r.net_budget_effect_gbp)).toEqual(['0', '10000.13', '-10000']);
    expect(regionTwo.map((r) => r.cumulative_net_budget_effect_gbp)).toEqual(['0', '10000.13', '0.13']);
    expect(regionTwo.map((r) => r.net_budget_effect_p90_gbp)).toEqual(['7000', '17000.13', '-3000']);
  });

  it('without Monte Carlo the simulated columns are empty; after an update the decision rows say so', () => {
    const [, decision, budget] = csvTables(resultsCsv(decisionResults({ simulated: false })));
    expect(decision!.every((r) => r.incremental_npv_mean_gbp === '' && r.probability_best_share === '')).toBe(true);
    expect(budget!.every((r) => r.net_budget_effect_p50_gbp === '')).toBe(true);
    const updated = csvTables(resultsCsv(decisionResults({ updated: true })))[1]!;
    expect(updated.map((r) => r.after_monitoring_update)).toEqual([...Array(6).fill('no'), ...Array(6).fill('yes')]);
  });

  it('web export: the run stamp on every row of every table; names cannot become formulas', () => {
    const stamp = testStamp({ changes: ['a=1'], url: 'http://localhost/scenarios/x?seed=7' });
    const tables = csvTables(stampedResultsCsv(decisionResults({ name: '=HYPERLINK("http://x")' }), stamp));
    expect(tables).toHaveLength(3);
    for (const table of tables.slice(1)) {
      expect(
        table.every(
          (r) => r.seed === '7' && r.iterations === '2000' && r.changes === 'a=1' && r.ran_at === stamp.ranAt && r.run_url === stamp.url,
        ),
      ).toBe(true);
      expect(table.every((r) => r.scenario === `'=HYPERLINK("http://x")`)).toBe(true);
    }
  });
});

describe('information CSV', () => {
  it('states the money basis on every row', () => {
    const stamp = testStamp();
    const results = {
      ...decisionResults(),
      valueOfInformation: {
        perspective: 'region' as const,
        afterUpdate: false,
        evpi: 1234.567,
        evppi: { 'outcomes.effectiveness': 1000 },
        waitOneYear: null,
        iterations: 2000,
        effectiveSampleSize: 2000,
      },
    };
    const [rows] = csvTables(stampedInformationCsv(results, stamp));
    // Each figure in the column of its unit; 1,234.567 -> 1234.57 (pennies).
    expect(rows!.map((r) => [r.item, r.value_gbp, r.value_simulations, r.value_text])).toEqual([
      ['afterUpdate', '', '', 'no'],
      ['iterations', '', '2000', ''],
      ['evpi', '1234.57', '', ''],
      ['outcomes.effectiveness', '1000', '', ''],
    ]);
    expect(rows!.every((r) => r.money_basis === SENTENCE && r.scenario === 'Fixture' && r.seed === '7')).toBe(true);
    expect(Object.keys(rows![0]!).filter((k) => /[A-Z]/.test(k))).toEqual([]);
  });
});

describe('workbook', () => {
  const stamp = testStamp({ url: 'http://localhost/scenarios/x?seed=7' });
  async function open(): Promise<ExcelJS.Workbook> {
    const loaded = loadScenario(readFileSync('scenarios/class-central.yaml', 'utf8'), 'class-central.yaml', []);
    if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('; '));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await resultsWorkbook(decisionResults(), loaded.scenario, stamp)) as unknown as ArrayBuffer);
    return workbook;
  }
  const formula = (cell: ExcelJS.Cell): { formula: string; result?: number } => cell.value as { formula: string; result?: number };

  it('opens on a Summary; every sheet starts with the money basis and the run stamp with its link', async () => {
    const workbook = await open();
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'Decision',
      'Budget – Region',
      'Budget – Bridgend',
      'Inputs and sources',
    ]);
    for (const sheet of workbook.worksheets.slice(1)) {
      expect(sheet.getCell('A1').value, sheet.name).toBe(SENTENCE);
      expect(sheet.getCell('A2').value, sheet.name).toBe(
        'x · x.yaml · hash h · model version v · seed 7 · 2,000 iterations · run on 2 June 2025 · http://localhost/scenarios/x?seed=7',
      );
    }
    const summary = workbook.getWorksheet('Summary')!;
    expect(summary.getCell('A2').value).toBe(SENTENCE);
    const column = (c: number): unknown[] => summary.getColumn(c).values.slice(1);
    expect(column(1)).toContain('Link to exactly this run');
    expect(column(2)).toContainEqual({ text: stamp.url, hyperlink: stamp.url });
  });

  it('Decision: headers in words with their unit, money in a £ format, shares as %', async () => {
    const decision = (await open()).getWorksheet('Decision')!;
    const head = (decision.getRow(4).values as unknown[]).slice(1);
    expect(head.slice(0, 6)).toEqual([
      'Perspective',
      'After the monitoring update',
      'Extension years',
      'Best option (on average across the simulations, else at the central values)',
      'Best option at the central values',
      'Adds to stopping at the end of the fixed term: NPV at the central values (£)',
    ]);
    expect(head.filter((h) => /[a-z][A-Z]/.test(String(h)))).toEqual([]);
    expect(decision.rowCount).toBe(4 + 6);
    const regionOne = decision.getRow(6);
    expect(regionOne.getCell(1).value).toBe('The region');
    expect(regionOne.getCell(3).value).toBe(1);
    expect(regionOne.getCell(4).value).toBe('yes');
    expect(regionOne.getCell(6).value).toBe(-12_345.67);
    expect(regionOne.getCell(6).numFmt).toBe(MONEY_FORMAT);
    const chanceBest = head.indexOf('Chance it is the best option (%)') + 1;
    expect(regionOne.getCell(chanceBest).value).toBe(0.45);
    expect(regionOne.getCell(chanceBest).numFmt).toBe(SHARE_FORMAT);
    // No number left in General format.
    decision.eachRow((row) =>
      row.eachCell((cell) => (typeof cell.value === 'number' ? expect(cell.numFmt, cell.address).toBeTruthy() : undefined)),
    );
  });

  it('Budget: lines down, years across, totals as =SUM formulas with the model value cached', async () => {
    const budget = (await open()).getWorksheet('Budget – Region')!;
    // Blocks of 14 rows: heading, header, 7 lines, P10-P90, note, blank. Option 2 starts at row 32.
    expect(budget.getCell('A32').value).toBe('The region: cash budget by financial year, 2 extension years');
    expect((budget.getRow(33).values as unknown[]).slice(1)).toEqual([
      'Budget line (£, cash)',
      '2024/25 (£)',
      '2025/26 (£)',
      '2026/27 (£)',
      'Total, all years (£)',
    ]);
    expect(budget.getColumn(1).values.slice(34, 44)).toEqual([
      'Contract cost',
      'Paid by the grant',
      'Own contribution',
      'Cashable saving',
      'Saving that only frees capacity (not cash)',
      'Net budget effect (cashable saving less own contribution)',
      'Cumulative net budget effect',
      'Net budget effect, low case: 1 in 10 simulations lower (P10)',
      'Net budget effect, middle of the simulations (P50)',
      'Net budget effect, high case: 1 in 10 simulations higher (P90)',
    ]);
    // Region option 2: gross 100,000, 400,000, 300,000 -> total 800,000; own = gross - grant: 0, 40,000, 30,000.
    expect(formula(budget.getCell('E34'))).toEqual({ formula: 'SUM(B34:D34)', result: 800_000 });
    expect(formula(budget.getCell('C36'))).toEqual({ formula: 'C34-C35', result: 40_000 });
    // Net = cashable - own: 50,000.125 - 40,000 = 10,000.125; total 0 + 10,000.125 - 10,000 = 0.125.
    expect(formula(budget.getCell('C39'))).toEqual({ formula: 'C37-C36', result: 10_000.125 });
    expect(formula(budget.getCell('E39'))).toEqual({ formula: 'SUM(B39:D39)', result: 0.125 });
    expect(formula(budget.getCell('D40'))).toEqual({ formula: 'C40+D39', result: 0.125 });
    expect(budget.getCell('E40').value).toBeNull();
    expect(budget.getCell('E39').numFmt).toBe(MONEY_FORMAT);
    expect(budget.getCell('D41').value).toBe(-15_000);
  });

  it('Inputs: source and status beside each input; no status means an assumption', async () => {
    const inputs = (await open()).getWorksheet('Inputs and sources')!;
    const head = (inputs.getRow(4).values as unknown[]).slice(1);
    expect(head.slice(0, 5)).toEqual(['Input', 'Value in words', 'Central value', 'Status (none given means an assumption)', 'Source']);
    const paths = inputs.getColumn(head.indexOf('Input path') + 1).values;
    const weekly = inputs.getRow(paths.indexOf('outcomes.residential_weekly_cost'));
    expect(weekly.getCell(2).value).toBe('between £4,500 and £8,000, most often near £5,631');
    expect(String(weekly.getCell(4).value)).not.toBe('');
  });
});
