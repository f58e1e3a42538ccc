import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cliScenarioFiles, runCli } from './cliFixtures';
import { commandLineLocale } from '../src/cli';
import { formatMoney } from '../src/report/format';
import { localText } from '../src/report/localText';
import { t, tPlural } from '../src/report/messages';
import { problemMessage } from '../src/report/problemWords';
import { loadScenario } from '../src/scenario/load';

async function run(env: NodeJS.ProcessEnv, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return runCli(argv, env);
}

const { good, broken } = cliScenarioFiles();

const cy = (key: Parameters<typeof t>[0], params = {}): string => t(key, params, 'cy');

describe('the command line language', () => {
  it('is --lang when given, else Welsh when LC_ALL, LC_MESSAGES or LANG (in that order) starts with cy, else English', () => {
    expect(commandLineLocale(['a.yaml', '--lang', 'cy'], {})).toBe('cy');
    expect(commandLineLocale(['a.yaml', '--lang=cy'], {})).toBe('cy');
    expect(commandLineLocale(['a.yaml', '--lang', 'en'], { LANG: 'cy_GB.UTF-8' })).toBe('en');
    expect(commandLineLocale(['a.yaml'], { LANG: 'cy_GB.UTF-8' })).toBe('cy');
    expect(commandLineLocale(['a.yaml'], { LANG: 'cy' })).toBe('cy');
    expect(commandLineLocale(['a.yaml'], { LC_ALL: 'cy_GB.UTF-8', LANG: 'en_GB.UTF-8' })).toBe('cy');
    expect(commandLineLocale(['a.yaml'], { LC_ALL: 'en_GB.UTF-8', LANG: 'cy_GB.UTF-8' })).toBe('en');
    expect(commandLineLocale(['a.yaml'], { LC_ALL: '', LC_MESSAGES: 'cy_GB', LANG: 'en_GB' })).toBe('cy');
    // "cym" and "cy-something-else" that is not the Welsh tag are not Welsh; nor is C.UTF-8.
    expect(commandLineLocale(['a.yaml'], { LANG: 'cym' })).toBe('en');
    expect(commandLineLocale(['a.yaml'], { LANG: 'C.UTF-8' })).toBe('en');
    expect(commandLineLocale(['a.yaml'], {})).toBe('en');
  });

  it('prints the table in Welsh with --lang cy: option titles, row labels and the region', async () => {
    const { code, out } = await run({}, good, '--lang', 'cy');
    expect(code).toBe(0);
    expect(out).toContain(cy('cli.option.none'));
    expect(out).toContain(cy('cli.row.referrals'));
    expect(out).toContain(cy('cli.row.npv'));
    // The perspective column is headed with the region's Welsh name; money through Intl cy-GB.
    expect(out).toContain(cy('cli.perspective.region'));
    expect(out).toContain(formatMoney(52_000, 'cy'));
    expect(out).not.toContain(t('cli.row.referrals', {}, 'en') + ' ');
  });

  it("names each council by the scenario's Welsh label, in every table", async () => {
    const welsh = await run({}, 'scenarios/class-central.yaml', '--iterations', '0', '--lang', 'cy');
    expect(welsh.code).toBe(0);
    const loaded = loadScenario(readFileSync('scenarios/class-central.yaml', 'utf8'), 'class-central.yaml', []);
    if (!loaded.ok) throw new Error('class-central.yaml does not load');
    const bridgend = loaded.scenario.councils.find((c) => c.name === 'Bridgend')!;
    const label = localText(bridgend.label ?? { en: bridgend.name }, 'cy');
    expect(label).not.toBe('Bridgend');
    // The options' tables (heads), the decision and the budget ("For {perspective}:") all use it.
    expect(welsh.out).toContain(`  ${label}  `);
    expect(welsh.out).toContain(cy('decisionTable.for', { perspective: label }));
    expect(welsh.out).toContain(cy('budget.for', { perspective: label }));
    expect(welsh.out).not.toMatch(/\bBridgend\b/);
  }, 60_000);

  it('prints the table in Welsh when LANG says cy, and in English when --lang en overrides it', async () => {
    const welsh = await run({ LANG: 'cy_GB.UTF-8' }, good);
    expect(welsh.code).toBe(0);
    expect(welsh.out).toContain(cy('cli.option.none'));
    const english = await run({ LANG: 'cy_GB.UTF-8' }, good, '--lang', 'en');
    expect(english.out).toContain('No extension (fixed term only)');
    expect(english.out).toContain('region');
  });

  it('leaves the JSON exactly as in English', async () => {
    const english = await run({}, good, '--format', 'json', '--iterations', '0');
    const welsh = await run({}, good, '--format', 'json', '--iterations', '0', '--lang', 'cy');
    expect(welsh.code).toBe(0);
    expect(welsh.out).toBe(english.out);
  });

  it('writes the CSV header, table names and the region in Welsh', async () => {
    const { code, out } = await run({}, good, '--format', 'csv', '--lang', 'cy');
    expect(code).toBe(0);
    const [head, first] = out.split('\n');
    expect(head!.split(',').slice(0, 8)).toEqual(
      [
        'csv.head.table',
        'csv.head.scenario',
        'csv.head.scenario_hash',
        'csv.head.model_version',
        'csv.head.extension_years',
        'csv.head.perspective',
        'csv.head.financial_year',
        'csv.head.referrals_whole_children',
      ].map((key) => cy(key as Parameters<typeof t>[0])),
    );
    expect(first!.startsWith(`${cy('csv.table.byFinancialYear')},One child,`)).toBe(true);
    expect(first!.split(',')[5]).toBe(cy('csv.value.region'));
  });

  it('tells the scenario problems in Welsh, with the Welsh plural', async () => {
    const { code, err } = await run({}, broken, '--lang', 'cy');
    expect(code).toBe(1);
    const lines = err.trim().split('\n');
    const problems = lines.slice(0, -1).filter((line) => line.startsWith(`${broken}:`)).length;
    expect(problems).toBeGreaterThanOrEqual(3);
    expect(lines.at(-1)).toBe(cy('cli.problems', { file: broken, count: problems, problems: tPlural('cli.problem', problems, {}, 'cy') }));
    // Each problem is the English one with its message worded again in Welsh (src/report/problemWords.ts).
    const english = (await run({}, broken)).err.trim().split('\n').slice(0, -1);
    const again = english.map((line) => {
      const at = line.indexOf(': ', line.indexOf(' '));
      return line.slice(0, at + 2) + problemMessage(line.slice(at + 2), 'cy');
    });
    expect(lines.slice(0, -1)).toEqual(again);
    expect(again.join('\n')).not.toBe(english.join('\n'));
  });

  it('tells a wrong command line in Welsh, and refuses a language it does not have (exit 2)', async () => {
    const wrong = await run({}, good, '--format', 'xml', '--lang', 'cy');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain(cy('cli.error', { message: cy('cli.format', { value: 'xml' }) }));
    expect(wrong.err).toContain(cy('cli.usageLang'));
    const unknown = await run({}, good, '--lang', 'fr');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain(t('cli.lang', { value: 'fr', languages: 'en, cy' }, 'en'));
  });
});

describe('English plurals of the command line keep their words', () => {
  it('counts problems and extension years', () => {
    // Hand-checked English: 1 problem, 2 problems; 3 extension years.
    expect(tPlural('cli.problem', 1, {}, 'en')).toBe('problem');
    expect(tPlural('cli.problem', 2, {}, 'en')).toBe('problems');
    expect(tPlural('cli.option', 3, {}, 'en')).toBe('3 extension years');
    expect(tPlural('decisionTable.option', 2, {}, 'en')).toBe('2 years');
    expect(tPlural('decisionTable.option.long', 4, {}, 'en')).toBe('4 extension years');
  });
  it('uses the Welsh forms at 1, 2, 3 and 6', () => {
    for (const count of [1, 2, 3, 6, 10]) {
      const category = new Intl.PluralRules('cy').select(count);
      expect(tPlural('cli.option', count, {}, 'cy')).toBe(t(`cli.option.${category}` as Parameters<typeof t>[0], { count }, 'cy'));
    }
  });
});
