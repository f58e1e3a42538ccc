import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliScenarioFiles, runCli } from './cliFixtures';
import type { OptionBudget, PerspectiveDecision } from '../src/model/results';
import { formatMoney, formatNumber } from '../src/report/format';
import { moneyBasisSentence } from '../src/report/moneyBasis';
import { csvTables } from './report/decisionFixture';

const PACKAGE_VERSION: string = JSON.parse(readFileSync('package.json', 'utf8')).version;

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return runCli(argv);
}

const { good, broken } = cliScenarioFiles();

describe('npm run model', () => {
  it('prints the section 9 JSON, unrounded', async () => {
    const { code, out } = await run(good, '--format', 'json', '--iterations', '0');
    expect(code).toBe(0);
    const results = JSON.parse(out);
    // Section 18: "<package version>+<first 12 hex digits of a SHA-256 of the model's source files>".
    expect(results.modelVersion).toMatch(new RegExp(`^${PACKAGE_VERSION.replace(/\./g, '\\.')}\\+[0-9a-f]{12}$`));
    expect(results.options).toHaveLength(1);
    const totals = results.options[0].perspectives.region.totals;
    expect(totals.avoidedCost).toBeCloseTo(52_000, 6);
    expect(totals.contractCost).toBeCloseTo(1_000, 9);
    expect(totals.avoidedCostPV).toBeCloseTo(49_833.333333 + 2_166.666667 / 1.035, 5);
    expect(results.options[0].monteCarlo).toBeUndefined();
    expect(results.options[0].breakEven.placementsNeeded).toBeCloseTo(1_000 / (49_833.333333 + 2_166.666667 / 1.035), 8);
  });

  it('prints CSV with one row per option, perspective and financial year', async () => {
    const { code, out } = await run(good, '--format', 'csv');
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toMatch(
      /^table,scenario,scenario_hash,model_version,extension_years,perspective,financial_year,referrals_whole_children,/,
    );
    // The first table (up to the first blank line) is by financial year, tidy: children whole, money in pennies, the basis on every row.
    const years = csvTables(out)[0]!;
    expect(years.map((row) => row.financial_year)).toEqual(['2025/26', '2026/27']);
    expect(
      years.every(
        (row) =>
          /^\d+$/.test(row.referrals_whole_children!) &&
          /^-?\d+(\.\d{1,2})?$/.test(row.npv_present_value_gbp!) &&
          row.money_basis!.startsWith('Money basis:'),
      ),
    ).toBe(true);
  });

  it('prints a table by default', async () => {
    const { code, out } = await run(good);
    expect(code).toBe(0);
    expect(out).toContain('No extension (fixed term only)');
    expect(out).toContain('£52,000');
  });

  it('runs Monte Carlo when asked, and --set overrides an input', async () => {
    const { code, out } = await run(
      good,
      '--format',
      'json',
      '--iterations',
      '500',
      '--seed',
      '3',
      '--set',
      'outcomes.effectiveness={dist: uniform, min: 0.4, max: 0.6}',
    );
    expect(code).toBe(0);
    const option = JSON.parse(out).options[0];
    expect(option.monteCarlo.iterations).toBe(500);
    expect(option.monteCarlo.seed).toBe(3);
    // Effectiveness 0.5 on average halves the avoided cost of the fixed inputs' run.
    expect(option.monteCarlo.perspectives.region.npv.mean).toBeGreaterThan(20_000);
    expect(option.monteCarlo.perspectives.region.npv.mean).toBeLessThan(30_000);
  });

  it('exits 1 with every problem as FILE:LINE:COLUMN key.path: message', async () => {
    const { code, err, out } = await run(broken);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain(
      `${broken}:2:68 contract.annual_value: expected an amount in pounds, 0 or more, got "£1,000"; write 1000, not "£1,000"`,
    );
    expect(err).toContain(`${broken}:5:3 outcomes.breakdown_rsk: unknown key`);
    expect(err).toContain('did you mean `breakdown_risk`?');
    expect(err).toContain(`${broken}:6:18 outcomes.effectiveness: expected a probability between 0 and 1, got 1.2`);
  });

  it('exits 2 for a wrong command line', async () => {
    expect((await run()).code).toBe(2);
    expect((await run(good, '--format', 'xml')).code).toBe(2);
    expect((await run(good, '--iterations', '-5')).code).toBe(2);
    expect((await run(good, '--bogus')).code).toBe(2);
    expect((await run(join(dirname(good), 'missing.yaml'))).err).toContain('no such file');
  });
});

/** A table line's cells: the label, then each value (columns are two or more spaces apart). */
function cells(line: string): string[] {
  return line.trim().split(/\s{2,}/);
}

/** The row labelled `label` in the block that starts at the line `heading` (after line `after`), as cells. */
function row(lines: string[], after: number, heading: string, label: string): string[] {
  const start = lines.indexOf(heading, after);
  expect(start, heading).toBeGreaterThan(after);
  const index = lines.findIndex((line, i) => i > start && cells(line)[0] === label);
  expect(index, `${heading} ${label}`).toBeGreaterThan(start);
  return cells(lines[index]!);
}

const percent = (share: number | null): string => `${formatNumber(100 * share!, 1)}%`;

describe('npm run model on class-central: the decision and the budget', () => {
  const ARGS = ['scenarios/class-central.yaml', '--iterations', '2000', '--seed', '5'];
  let results: {
    decision: Record<string, PerspectiveDecision>;
    budget: Record<string, OptionBudget[]>;
    headlineExtensionYears: number;
    moneyBasis: Parameters<typeof moneyBasisSentence>[0];
  };
  let table: string;
  let csv: string;

  beforeAll(async () => {
    const json = await run(...ARGS, '--format', 'json');
    expect(json.code).toBe(0);
    results = JSON.parse(json.out);
    table = (await run(...ARGS)).out;
    csv = (await run(...ARGS, '--format', 'csv')).out;
  }, 120_000);

  it('the JSON has a decision and a budget for the region and each council', () => {
    expect(Object.keys(results.decision)).toEqual(['region', 'Bridgend', 'Rhondda Cynon Taf', 'Merthyr Tydfil']);
    expect(Object.keys(results.budget)).toEqual(Object.keys(results.decision));
  });

  it('the table shows each perspective decision with the figures of the JSON of the same run', () => {
    const lines = table.split('\n');
    expect(lines.filter((line) => line.length > 100)).toEqual([]);
    expect(table.replace(/\n/g, ' ')).toContain(moneyBasisSentence(results.moneyBasis));
    const decisionStart = lines.indexOf('THE DECISION: which extension to take');
    expect(decisionStart).toBeGreaterThan(0);
    for (const [perspective, decision] of Object.entries(results.decision)) {
      const heading = `For ${perspective}:`;
      const options = decision.options;
      expect(row(lines, decisionStart, heading, 'at the central values').slice(1)).toEqual(
        options.map((o) => formatMoney(o.incrementalNpv.central)),
      );
      expect(row(lines, decisionStart, heading, 'average across the simulations').slice(1)).toEqual(
        options.map((o) => formatMoney(o.incrementalNpv.mean!)),
      );
      expect(row(lines, decisionStart, heading, 'standard error').slice(1)).toEqual(options.map((o) => formatMoney(o.incrementalNpv.sem!)));
      expect(row(lines, decisionStart, heading, 'Chance it is the best option').slice(1)).toEqual(
        options.map((o) => percent(o.probabilityBest)),
      );
      expect(row(lines, decisionStart, heading, 'Expected loss against the best').slice(1)).toEqual(
        options.map((o) => formatMoney(o.expectedLoss!)),
      );
      expect(row(lines, decisionStart, heading, 'Chance the contract ended early').slice(1)).toEqual(
        options.map((o) => percent(o.probabilityEndedEarly)),
      );
      const best = decision.bestOption;
      const words = best === 0 ? 'no extension' : best === 1 ? '1 extension year' : `${best} extension years`;
      // A long sentence is wrapped at 100 columns.
      expect(table.replace(/\n/g, ' ')).toContain(
        `Best option for ${perspective}: ${words} (highest NPV on average across the simulations).`,
      );
    }
  });

  it('the table shows the headline option budget of each perspective, as in the JSON', () => {
    const lines = table.split('\n');
    const budgetStart = lines.findIndex((line) => line.startsWith('BUDGET EFFECT in cash by financial year'));
    expect(budgetStart).toBeGreaterThan(0);
    for (const [perspective, options] of Object.entries(results.budget)) {
      const budget = options.find((o) => o.extensionYears === results.headlineExtensionYears)!;
      const years = budget.byFinancialYear;
      const heading = `For ${perspective}:`;
      const net = row(lines, budgetStart, heading, 'Net budget effect');
      // Columns may be shown in two blocks; the first block starts with the first year.
      const shown = net.length - 1;
      expect(net.slice(1)).toEqual(
        [...years.map((y) => formatMoney(y.netBudgetEffect)), formatMoney(years.reduce((sum, y) => sum + y.netBudgetEffect, 0))].slice(
          0,
          shown,
        ),
      );
      expect(row(lines, budgetStart, heading, 'Own contribution').slice(1)).toEqual(
        years
          .map((y) => formatMoney(y.ownContribution))
          .concat(formatMoney(years.reduce((sum, y) => sum + y.ownContribution, 0)))
          .slice(0, shown),
      );
      expect(row(lines, budgetStart, heading, 'Net budget effect, P50').slice(1)).toEqual(
        years.map((y) => formatMoney(y.netBudgetEffectP50!)).slice(0, shown),
      );
    }
  });

  it('the CSV decision and budget tables hold the JSON figures in pennies; net and cumulative add up', () => {
    const [, decision, budget] = csvTables(csv);
    const perspectives = Object.keys(results.decision);
    expect(decision).toHaveLength(perspectives.length * results.decision.region!.options.length);
    for (const r of decision!) {
      const option = results.decision[r.perspective!]!.options.find((o) => o.extensionYears === Number(r.extension_years))!;
      expect(Number(r.incremental_npv_mean_gbp)).toBe(Math.round(option.incrementalNpv.mean! * 100) / 100);
      expect(Number(r.probability_best_share)).toBe(option.probabilityBest);
      expect(r.money_basis).toBe(moneyBasisSentence(results.moneyBasis));
    }
    const expectedRows = perspectives.reduce((n, p) => n + results.budget[p]!.reduce((m, o) => m + o.byFinancialYear.length, 0), 0);
    expect(budget).toHaveLength(expectedRows);
    const running = new Map<string, number>();
    for (const r of budget!) {
      const net = Number(r.net_budget_effect_gbp);
      // Each figure is rounded to pennies on its own, so they agree within a penny (two of rounding).
      expect(Math.abs(net - (Number(r.cashable_saving_gbp) - Number(r.own_contribution_gbp)))).toBeLessThanOrEqual(0.0100001);
      const key = `${r.perspective}|${r.extension_years}`;
      const sum = (running.get(key) ?? 0) + Number(r.net_budget_effect_gbp);
      running.set(key, sum);
      expect(Math.abs(Number(r.cumulative_net_budget_effect_gbp) - sum)).toBeLessThanOrEqual(0.1);
    }
  });
});
