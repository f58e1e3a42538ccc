/**
 * The decision of a Monte Carlo run (shared/model.md section 18) against an independent
 * implementation: the same draws, each run through the plain deterministic projection one at a
 * time, and the decision figures computed with plain loops. Referrals, capacity, the length of stay
 * (lognormal), costs, inflation and the grant after March 2028 are all uncertain, and the contract
 * ends when the grant falls.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { budgetByYear, perspectiveScales, projectAll } from '../../src/model/project';
import { quantile } from '../../src/model/random/quantile';
import { runScenario } from '../../src/run/analyse';
import { headlineSwings } from '../../src/run/decision';
import { keptRun } from '../../src/run/information';
import { monteCarloRequest } from '../../src/run/montecarlo';
import { buildInputs, valuesWith } from '../../src/scenario/inputs';
import { loadScenario } from '../../src/scenario/load';
import type { Scenario } from '../../src/scenario/types';

function load(file: string): Scenario {
  const loaded = loadScenario(readFileSync(file, 'utf8'), file);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return loaded.scenario;
}

const scenario = load('test/run/fixtures/uncertain-demand-v12.yaml');
const ITERATIONS = 1_500;

describe('the decision on the same draws as a plain per-draw projection', async () => {
  const results = await runScenario(scenario, { iterations: ITERATIONS });
  const run = keptRun(scenario, monteCarloRequest(scenario, { iterations: ITERATIONS }));
  // Independent: each draw's inputs through projectAll, one draw at a time.
  const perspectives = ['region', ...scenario.councils.map((c) => c.name)];
  const npv: Record<string, number[][]> = Object.fromEntries(perspectives.map((p) => [p, []]));
  const netCash: Record<string, number[][]> = Object.fromEntries(perspectives.map((p) => [p, []]));
  const netBudget: Record<string, number[][]> = Object.fromEntries(perspectives.map((p) => [p, []]));
  const endedEarly: boolean[][] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const given = Object.fromEntries(run.sources.map((source, s) => [source.path, run.draws[s]![i]!]));
    const inputs = buildInputs(scenario, valuesWith(scenario, given));
    const projection = projectAll(inputs);
    const scales = perspectiveScales(inputs);
    for (const p of perspectives) {
      netBudget[p]!.push(
        projection.options.map((o) => budgetByYear(o.flows, projection.timeline, scales[p]!).at(-1)!.cumulativeNetBudgetEffect),
      );
      npv[p]!.push(projection.options.map((o) => o.perspectives[p]!.totals.npv));
      netCash[p]!.push(projection.options.map((o) => o.perspectives[p]!.totals.netSaving));
    }
    endedEarly.push(projection.options.map((o) => o.flows.actualTerm < o.flows.term));
  }
  const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
  const options = results.options.length;

  it('some draws end the contract early and some do not', () => {
    const share = mean(endedEarly.map((row) => (row[4] ? 1 : 0)));
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.5);
    for (let k = 0; k < options; k++)
      expect(results.decision!.region!.options[k]!.probabilityEndedEarly).toBeCloseTo(mean(endedEarly.map((row) => (row[k] ? 1 : 0))), 12);
  });

  for (const p of ['region', 'Bridgend', 'Merthyr Tydfil']) {
    it(`${p}: incremental means, chance best and expected loss as the plain loops give them`, () => {
      const decision = results.decision![p]!;
      const rows = npv[p]!;
      const best = rows.map((row) => {
        const highest = Math.max(...row);
        return row.findIndex((v) => v >= highest - 0.01);
      });
      const means = Array.from({ length: options }, (_, k) => mean(rows.map((row) => row[k]!)));
      for (let k = 0; k < options; k++) {
        const o = decision.options[k]!;
        const scale = Math.max(1, Math.abs(means[k]!));
        expect(o.incrementalNpv.mean!).toBeCloseTo(means[k]! - means[0]!, Math.max(0, 6 - Math.ceil(Math.log10(scale))));
        expect(o.incrementalNetCash.mean! / scale).toBeCloseTo(mean(netCash[p]!.map((row) => row[k]! - row[0]!)) / scale, 4);
        const budgetScale = Math.max(1, Math.abs(mean(netBudget[p]!.map((row) => row[k]!))));
        expect(o.incrementalNetBudgetEffect!.mean! / budgetScale).toBeCloseTo(
          mean(netBudget[p]!.map((row) => row[k]! - row[0]!)) / budgetScale,
          4,
        );
        expect(o.probabilityBest).toBeCloseTo(mean(best.map((b) => (b === k ? 1 : 0))), 12);
        expect(o.expectedLoss! / scale).toBeCloseTo(mean(rows.map((row) => Math.max(...row) - row[k]!)) / scale, 6);
        if (k > 0) expect(o.marginalNpv!.mean! / scale).toBeCloseTo((means[k]! - means[k - 1]!) / scale, 6);
      }
      const highestMean = Math.max(...means);
      expect(decision.bestOption).toBe(means.findIndex((m) => m >= highestMean - 0.01));
    });
  }

  it("the region's best option has the smallest expected loss, equal to the EVPI", () => {
    const region = results.decision!.region!;
    const losses = region.options.map((o) => o.expectedLoss!);
    expect(losses[region.bestOption]).toBeCloseTo(Math.min(...losses), 6);
    expect(Math.abs(losses[region.bestOption]! - (results.valueOfInformation as { evpi: number }).evpi)).toBeLessThanOrEqual(0.01);
  });

  it('budget rows: central figures with each year of the net effect spread from the draws', () => {
    const region = results.budget!.region!.at(-1)!.byFinancialYear;
    for (const row of region) {
      expect(row.netBudgetEffect).toBeCloseTo(row.cashableSaving - row.ownContribution, 6);
      expect(row.netBudgetEffectP10!).toBeLessThanOrEqual(row.netBudgetEffectP50!);
      expect(row.netBudgetEffectP50!).toBeLessThanOrEqual(row.netBudgetEffectP90!);
    }
    // The fixed term's years are paid by the councils only from January 2026 (10% of 640,000 / 12
    // a month): 2025/26 holds three such months in every draw, so its own contribution is 16,000.
    expect(region[1]!.ownContribution).toBeCloseTo(16_000, 6);
  });

  it('a decision map over the two inputs with the largest EVPPI (else the widest tornado swings), 21 by 21', () => {
    const map = results.decisionMap!;
    expect(map.perspective).toBe('region');
    expect(map.x.values).toHaveLength(21);
    expect(map.bestOption).toHaveLength(21);
    expect(map.bestOption.every((row) => row.length === 21 && row.every((k) => Number.isInteger(k) && k >= 0 && k < options))).toBe(true);
    const evppi = (results.valueOfInformation as { evppi: Record<string, number> }).evppi;
    const positive = Object.entries(evppi)
      .filter(([, v]) => v > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([path]) => path);
    const expected =
      positive.length >= 2
        ? positive.slice(0, 2)
        : headlineSwings(scenario)
            .sort((a, b) => b.swing - a.swing)
            .slice(0, 2)
            .map((s) => s.input);
    expect([map.x.input, map.y.input]).toEqual(expected);
    // Each axis runs from the input's P5 to its P95.
    const xQuantity = scenario.quantities[map.x.input]!;
    if (xQuantity.kind !== 'distribution') throw new Error('the map input is uncertain');
    expect(map.x.values[0]).toBeCloseTo(quantile(xQuantity.distribution, 0.05), 9);
    expect(map.x.values[20]).toBeCloseTo(quantile(xQuantity.distribution, 0.95), 9);
  });
});

describe('a decision map the scenario asks for', () => {
  const text = readFileSync('test/run/fixtures/uncertain-demand-v12.yaml', 'utf8');
  const withMap = (map: string): Scenario => {
    const loaded = loadScenario(`${text}\ndecision: { perspective: Bridgend, map: ${map} }\n`, 'map.yaml');
    if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
    return loaded.scenario;
  };

  it('is drawn without Monte Carlo, for the headline perspective, at central values', async () => {
    const results = await runScenario(withMap('[outcomes.effectiveness, service.referrals_per_year]'), { iterations: 0 });
    const map = results.decisionMap!;
    expect(map.perspective).toBe('Bridgend');
    expect(map.x.input).toBe('outcomes.effectiveness');
    expect(map.y.input).toBe('service.referrals_per_year');
    // At central values the grant from April 2028 is its mean, 0.6 < 0.9, so the contract ends
    // after the first extension year: options 2 to 4 are option 1 again, and ties go to the fewest
    // years, so only 0 or 1 can be best. With 90% grant in that year, Bridgend gains from it.
    expect(new Set(map.bestOption.flat())).toEqual(new Set([0, 1]));
    expect(map.bestOption.at(-1)!.at(-1)).toBe(1);
  });

  it('is null when it names a fixed input (the loader warns)', async () => {
    const scenario = withMap('[outcomes.effectiveness, outcomes.cashable_share]');
    expect(scenario.warnings.map((w) => w.path)).toContain('decision.map.1');
    expect((await runScenario(scenario, { iterations: 0 })).decisionMap).toBeNull();
  });
});

describe("the headline perspective's tornado", () => {
  it("swings each uncertain input for the headline option in the headline perspective's NPV", async () => {
    const bridgend = load('scenarios/bridgend.yaml');
    expect(bridgend.decision.perspective).toBe('Bridgend');
    const results = await runScenario(bridgend, { iterations: 500 });
    const bars = results.headlineTornado!;
    expect(bars.length).toBeGreaterThan(2);
    const swing = (b: (typeof bars)[number]): number => Math.abs(b.npvAtHigh - b.npvAtLow);
    for (let j = 1; j < bars.length; j++) expect(swing(bars[j - 1]!)).toBeGreaterThanOrEqual(swing(bars[j]!));
    // The top bar's NPV at its P10, recomputed for Bridgend by hand through the projection.
    const top = bars[0]!;
    const atLow = projectAll(buildInputs(bridgend, valuesWith(bridgend, { [top.input]: top.low }))).options[bridgend.contract.take]!
      .perspectives.Bridgend!.totals.npv;
    expect(top.npvAtLow).toBeCloseTo(atLow, 6);
    expect(
      results.monitoring === undefined ||
        (results.monitoring as { illustrative: boolean }).illustrative === bridgend.monitoringIllustrative,
    ).toBe(true);
  });
});
