import { describe, expect, it } from 'vitest';
import { deterministicResults } from '../../src/run/deterministic';
import { monteCarloRequest, runMonteCarloInProcess } from '../../src/run/montecarlo';
import { loadScenario } from '../../src/scenario/load';
import type { Scenario } from '../../src/scenario/types';

function scenario(outcomes: string, extra = ''): Scenario {
  const text = `
name: Monte Carlo check
contract: { start: 2025-04-01, base_end: 2026-03-31, annual_value: 600000, extensions: { max_years: 2 } }
service: { referrals_per_year: 60, capacity: { starts_per_year: 120 } }
outcomes:
${outcomes}
  residential_weeks: 52
  residential_weekly_cost: 5000
${extra}`;
  const loaded = loadScenario(text, 'check.yaml');
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('; '));
  return loaded.scenario;
}

describe('Monte Carlo against results worked out by hand', () => {
  // NPV is linear in effectiveness, so with only effectiveness uncertain, uniform on [0.1, 0.5]:
  // mean NPV = NPV at effectiveness 0.3 (its mean), and P(NPV > 0) = (0.5 - s) / 0.4 where s is
  // effectiveness's switching value (NPV = 0), both from the deterministic model.
  const s = scenario(`  breakdown_risk: 0.3
  effectiveness: { dist: uniform, min: 0.1, max: 0.5 }
  residential_escalation: 0.25`);
  const request = { ...monteCarloRequest(s, { iterations: 40_000, seed: 11 }) };
  const mc = runMonteCarloInProcess(s, request);
  const deterministic = deterministicResults(s);

  it('mean NPV equals the NPV at the mean effectiveness, within 4 standard errors', () => {
    deterministic.options.forEach((option, k) => {
      const region = mc[k]!.perspectives.region!;
      expect(Math.abs(region.npv.mean - option.perspectives.region!.totals.npv)).toBeLessThan(4 * region.npv.sem);
    });
  });

  it('P(NPV > 0) equals the share of effectiveness above its switching value, within 4 standard errors', () => {
    deterministic.options.forEach((option, k) => {
      const switching = option.breakEven.switchingValues['outcomes.effectiveness']!;
      const expected = Math.min(1, Math.max(0, (0.5 - switching) / 0.4));
      const region = mc[k]!.perspectives.region!;
      expect(Math.abs(region.probabilityNpvPositive - expected)).toBeLessThan(4 * Math.max(region.probabilityNpvPositiveSem, 1e-3));
    });
  });

  it('the median NPV is the NPV at the median effectiveness (a monotone function), within sampling error', () => {
    const region = mc[1]!.perspectives.region!;
    const centre = deterministic.options[1]!.perspectives.region!.totals.npv;
    // NPV rises linearly with effectiveness: its median is NPV(0.3) = the deterministic value.
    expect(Math.abs(region.npv.p50 - centre)).toBeLessThan(0.02 * (region.npv.p95 - region.npv.p5));
  });

  it('is identical for the same seed and different for another', () => {
    const again = runMonteCarloInProcess(s, request);
    expect(again[2]!.perspectives.region!.npv).toEqual(mc[2]!.perspectives.region!.npv);
    const other = runMonteCarloInProcess(s, { ...request, seed: 12 });
    expect(other[2]!.perspectives.region!.npv.mean).not.toBe(mc[2]!.perspectives.region!.npv.mean);
  });
});

describe('process variability', () => {
  // With capacity above demand nobody waits, so starts are Poisson(referrals), prevented
  // Binomial(starts, q), placements Binomial(prevented, escalation): every count's mean is the
  // deterministic count, and NPV is linear in them, so mean NPV = deterministic NPV.
  const s = scenario(
    `  breakdown_risk: 0.3
  effectiveness: 0.3
  residential_escalation: 0.25`,
    'monte_carlo: { iterations: 20000, seed: 5, process_variability: true }',
  );
  const mc = runMonteCarloInProcess(s, monteCarloRequest(s));
  const deterministic = deterministicResults(s);

  it('has the deterministic mean NPV and placements, within 4 standard errors', () => {
    deterministic.options.forEach((option, k) => {
      const region = mc[k]!.perspectives.region!;
      const totals = option.perspectives.region!.totals;
      expect(Math.abs(region.npv.mean - totals.npv)).toBeLessThan(4 * region.npv.sem);
      expect(Math.abs(region.residentialPlacementsAvoided.mean - totals.residentialPlacementsAvoided)).toBeLessThan(
        4 * region.residentialPlacementsAvoided.sem,
      );
    });
  });

  it('adds chance in the counts: spread where every input is fixed', () => {
    const region = mc[0]!.perspectives.region!;
    const plain = runMonteCarloInProcess(s, { ...monteCarloRequest(s), processVariability: false })[0]!.perspectives.region!;
    expect(plain.npv.sem).toBe(0);
    expect(region.npv.sem).toBeGreaterThan(0);
    expect(region.npv.p95).toBeGreaterThan(region.npv.p5);
  });
});

describe('seeded change-guards (they guard against change, not truth)', () => {
  it('plain Monte Carlo on the central case', () => {
    const loaded = loadScenario(
      `name: guard
contract: { start: 2025-01-03, base_end: 2027-03-31, annual_value: 660546, extensions: { max_years: 1 } }
funding: { external_share: 0.9 }
service: { referrals_per_year: 60, capacity: { starts_per_year: 52 }, max_wait_months: 6 }
outcomes:
  breakdown_risk: { dist: pert, min: 0.15, mode: 0.25, max: 0.4 }
  effectiveness: { dist: pert, min: 0.1, mode: 0.25, max: 0.5 }
  residential_escalation: 0.2
  residential_weeks: { dist: triangular, min: 26, mode: 52, max: 104 }
  residential_weekly_cost: { dist: lognormal, low: 4500, high: 8000 }
monte_carlo: { iterations: 3000, seed: 2025 }`,
      'guard.yaml',
    );
    if (!loaded.ok) throw new Error('guard scenario invalid');
    const region = runMonteCarloInProcess(loaded.scenario, monteCarloRequest(loaded.scenario))[1]!.perspectives.region!;
    expect([region.npv.mean, region.npv.p5, region.npv.p95, region.probabilityNpvPositive]).toMatchInlineSnapshot(`
      [
        -1225673.6983303805,
        -1694486.111173267,
        -532113.2216097594,
        0.009333333333333334,
      ]
    `);
  });

  it('Monte Carlo with process variability', () => {
    const loaded = loadScenario(
      `name: guard with chance in the counts
contract: { start: 2025-01-03, base_end: 2027-03-31, annual_value: 660546 }
service: { referrals_per_year: 60, capacity: { starts_per_year: 52 }, max_wait_months: 6 }
outcomes:
  breakdown_risk: { dist: pert, min: 0.15, mode: 0.25, max: 0.4 }
  effectiveness: 0.25
  residential_escalation: 0.2
  residential_weeks: { dist: triangular, min: 26, mode: 52, max: 104 }
  residential_weekly_cost: 5631
monte_carlo: { iterations: 2000, seed: 7, process_variability: true }`,
      'guard-variability.yaml',
    );
    if (!loaded.ok) throw new Error('guard scenario invalid');
    const region = runMonteCarloInProcess(loaded.scenario, monteCarloRequest(loaded.scenario))[0]!.perspectives.region!;
    expect([region.npv.mean, region.npv.p50, region.residentialPlacementsAvoided.mean, region.probabilityNpvPositive])
      .toMatchInlineSnapshot(`
        [
          -957745.136578588,
          -1039452.8145699636,
          1.4485,
          0.0235,
        ]
      `);
  });
});
