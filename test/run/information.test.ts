import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summariseOption } from '../../src/model/summarise';
import { summariseOptionWeighted } from '../../src/model/weightedSummary';
import { runScenario } from '../../src/run/analyse';
import { keptRun, runMonteCarloWithInformation } from '../../src/run/information';
import { monteCarloRequest } from '../../src/run/montecarlo';
import { loadScenario } from '../../src/scenario/load';
import { parseOverride } from '../../src/scenario/overrides';
import type { Scenario } from '../../src/scenario/types';

const CENTRAL = readFileSync('scenarios/class-central.yaml', 'utf8');

function scenario(text: string): Scenario {
  const loaded = loadScenario(text, 'test.yaml');
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return loaded.scenario;
}

const withMonitoring = (lines: string): Scenario => scenario(`${CENTRAL}\nmonitoring:\n${lines}`);

describe('the update in a run', () => {
  it('equal weights reproduce every unweighted option summary', () => {
    const s = scenario(CENTRAL);
    const run = keptRun(s, monteCarloRequest(s, { iterations: 3_000 }));
    const weights = new Float64Array(3_000).fill(1);
    for (let k = 0; k < run.layout.options; k++) {
      const plain = summariseOption(run.out, run.layout, run.plan.base, k);
      const weighted = summariseOptionWeighted(run.out, run.layout, run.plan.base, k, weights);
      for (const name of Object.keys(plain)) {
        const a = plain[name]!;
        const b = weighted[name]!;
        for (const key of ['mean', 'sem', 'p5', 'p50', 'p95'] as const) {
          expect(b.npv[key]).toBeCloseTo(a.npv[key], 3);
          expect(b.netSaving[key]).toBeCloseTo(a.netSaving[key], 3);
        }
        expect(b.probabilityNpvPositive).toBeCloseTo(a.probabilityNpvPositive, 12);
        expect(b.probabilityPaidBack).toBeCloseTo(a.probabilityPaidBack, 12);
        b.fan.forEach((year, y) => expect(year.p50).toBeCloseTo(a.fan[y]!.p50, 3));
      }
    }
  });

  it('monitoring periods without counts change nothing: ESS = n, updated = before', () => {
    const s = withMonitoring('  - { from: 2025-04-01, to: 2025-06-30 }\n  - { from: 2025-07-01, to: 2025-09-30, starts: 30 }\n');
    const result = runMonteCarloWithInformation(s, monteCarloRequest(s, { iterations: 2_000 }));
    expect(result.monitoring!.effectiveSampleSize).toBeCloseTo(2_000, 6);
    expect(result.monitoring!.warnings).toEqual([]);
    result.monteCarlo.forEach((before, k) => {
      const after = result.updatedMonteCarlo![k]!.perspectives.region!;
      expect(after.npv.mean).toBeCloseTo(before.perspectives.region!.npv.mean, 4);
      expect(after.npv.p10).toBeCloseTo(before.perspectives.region!.npv.p10, 4);
      expect(after.probabilityNpvPositive).toBeCloseTo(before.perspectives.region!.probabilityNpvPositive, 12);
    });
  });

  it('a scenario without monitoring has no monitoring section but has the value of information', async () => {
    const results = await runScenario(scenario(CENTRAL), { iterations: 1_000 });
    expect(results.monitoring).toBeUndefined();
    const voi = results.valueOfInformation as { evpi: number; evppi: Record<string, number>; waitOneYear: unknown };
    expect(voi.evpi).toBeGreaterThan(0);
    for (const value of Object.values(voi.evppi)) expect(value).toBeLessThanOrEqual(voi.evpi);
    expect(Object.keys(voi.evppi)).toContain('outcomes.effectiveness');
    expect((await runScenario(scenario(CENTRAL), { iterations: 0 })).valueOfInformation).toBeUndefined();
  });

  it('counts the prior finds unlikely lower the effective sample size, rerun with more draws up to the cap', () => {
    // 400 breakdowns among 1,000 followed up: p = 0.4 is at the edge of what the prior allows.
    const s = withMonitoring('  - { from: 2026-01-01, to: 2026-12-31, followed_up: 1000, breakdowns: 400 }\n');
    const result = runMonteCarloWithInformation(s, monteCarloRequest(s, { iterations: 2_000 }), { maxIterations: 8_000 });
    const codes = result.monitoring!.warnings.map((w) => w.code);
    expect(codes).toContain('more-draws-used');
    expect(result.monitoring!.iterations).toBe(8_000);
    expect(codes).toContain('low-effective-sample-size');
    expect(result.monteCarlo[0]!.iterations).toBe(2_000);
    expect(result.updatedMonteCarlo![0]!.iterations).toBe(8_000);
  });

  it('counts no draw can produce are reported, not hidden', () => {
    // With breakdown_risk 0 no draw can give 3 breakdowns among 10 followed up.
    const override = parseOverride('outcomes.breakdown_risk=0');
    if (typeof override === 'string') throw new Error(override);
    const loaded = loadScenario(
      `${CENTRAL}\nmonitoring:\n  - { from: 2026-01-01, to: 2026-03-31, followed_up: 10, breakdowns: 3 }\n`,
      'test.yaml',
      [override],
    );
    if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
    const result = runMonteCarloWithInformation(loaded.scenario, monteCarloRequest(loaded.scenario, { iterations: 500 }), {
      maxIterations: 500,
    });
    expect(result.monitoring!.warnings.map((w) => w.code)).toContain('observations-impossible');
    expect(result.monitoring!.effectiveSampleSize).toBe(0);
    expect(result.updatedMonteCarlo).toBeUndefined();
  });
});

describe('seeded change-guard (guards against unintended change, not truth)', () => {
  it('EVPI, EVPPI and the value of waiting on the bundled monitoring example, 4,000 draws', async () => {
    const s = scenario(readFileSync('scenarios/class-central-with-monitoring.yaml', 'utf8'));
    const results = await runScenario(s, { iterations: 4_000, seed: 7 });
    const voi = results.valueOfInformation as {
      evpi: number;
      evppi: Record<string, number>;
      waitOneYear: { valueOfWaiting: number; valueOfCommittingNow: number; bestOptionNow: number };
    };
    const monitoring = results.monitoring as { effectiveSampleSize: number; tracking: { status: string } };
    const rounded = {
      ess: Math.round(monitoring.effectiveSampleSize),
      status: monitoring.tracking.status,
      evpi: Math.round(voi.evpi),
      effectiveness: Math.round(voi.evppi['outcomes.effectiveness']!),
      weeklyCost: Math.round(voi.evppi['outcomes.residential_weekly_cost']!),
      waiting: Math.round(voi.waitOneYear.valueOfWaiting),
      now: Math.round(voi.waitOneYear.valueOfCommittingNow),
      best: voi.waitOneYear.bestOptionNow,
    };
    expect(rounded).toMatchInlineSnapshot(`
      {
        "best": 0,
        "effectiveness": 62551,
        "ess": 2461,
        "evpi": 134015,
        "now": -283645,
        "status": "in-line",
        "waiting": -329740,
        "weeklyCost": 15154,
      }
    `);
  });
});
