import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = new Capture();
  const err = new Capture();
  const code = await main(argv, out, err);
  return { code, out: out.text, err: err.text };
}

const folder = mkdtempSync(join(tmpdir(), 'cli-'));
const good = join(folder, 'one.yaml');
// One month, one child, one placement of 52 weeks at £1,000 (worked by hand in test/model/project.test.ts).
writeFileSync(
  good,
  `name: One child
contract: { start: 2025-04-01, base_end: 2025-04-30, annual_value: 12000 }
service: { referrals_per_year: 12, capacity: { starts_per_year: 12 } }
outcomes:
  breakdown_risk: 1
  effectiveness: 1
  residential_escalation: 1
  residential_weeks: 52
  residential_weekly_cost: 1000
`,
);
const broken = join(folder, 'broken.yaml');
writeFileSync(
  broken,
  `name: Broken
contract: { start: 2025-04-01, base_end: 2025-04-30, annual_value: "£1,000" }
service: { referrals_per_year: 12, capacity: { starts_per_year: 12 } }
outcomes:
  breakdown_rsk: 1
  effectiveness: 1.2
  residential_escalation: 1
  residential_weeks: 52
  residential_weekly_cost: 1000
`,
);

describe('npm run model', () => {
  it('prints the section 9 JSON, unrounded', async () => {
    const { code, out } = await run(good, '--format', 'json', '--iterations', '0');
    expect(code).toBe(0);
    const results = JSON.parse(out);
    expect(results.modelVersion).toBe('1');
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
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(/^scenario,scenarioHash,modelVersion,extensionYears,perspective,financialYear,referrals/);
    expect(lines.slice(1).map((l) => l.split(',')[5])).toEqual(['2025/26', '2026/27']);
  });

  it('prints a table by default', async () => {
    const { code, out } = await run(good);
    expect(code).toBe(0);
    expect(out).toContain('No extension (fixed term only)');
    expect(out).toContain('£52,000');
  });

  it('runs Monte Carlo when asked, and --set overrides an input', async () => {
    const { code, out } = await run(good, '--format', 'json', '--iterations', '500', '--seed', '3', '--set', 'outcomes.effectiveness={dist: uniform, min: 0.4, max: 0.6}');
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
    expect(err).toContain(`${broken}:2:68 contract.annual_value: expected an amount in pounds, 0 or more, got "£1,000"; write 1000, not "£1,000"`);
    expect(err).toContain(`${broken}:5:3 outcomes.breakdown_rsk: unknown key`);
    expect(err).toContain('did you mean `breakdown_risk`?');
    expect(err).toContain(`${broken}:6:18 outcomes.effectiveness: expected a probability between 0 and 1, got 1.2`);
  });

  it('exits 2 for a wrong command line', async () => {
    expect((await run()).code).toBe(2);
    expect((await run(good, '--format', 'xml')).code).toBe(2);
    expect((await run(good, '--iterations', '-5')).code).toBe(2);
    expect((await run(good, '--bogus')).code).toBe(2);
    expect((await run(join(folder, 'missing.yaml'))).err).toContain('no such file');
  });
});
