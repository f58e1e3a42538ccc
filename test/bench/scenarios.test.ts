// The bench's own speed-check scenarios (bench/scenarios) load, and exercise what they are there for:
// a contract cost shape per draw (the grant's share uncertain too in one), and whole-run draws with correlations.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { costShapeVariesIn, drawsByBlock, fewCostShapesIn, monteCarloRequest, runMonteCarloInProcess } from '../../src/run/montecarlo';
import { drawSources } from '../../src/run/draws';
import { loadScenario } from '../../src/scenario/load';

const files = readdirSync('bench/scenarios').filter((f) => f.endsWith('.yaml'));

function load(file: string) {
  const loaded = loadScenario(readFileSync(`bench/scenarios/${file}`, 'utf8'), file);
  if (!loaded.ok) throw new Error(`${file}: ${JSON.stringify(loaded.problems)}`);
  return loaded.scenario;
}

describe('the bench scenarios', () => {
  it('are there', () => expect(files).toEqual(['latin-hypercube-correlated.yaml', 'uncertain-grant.yaml', 'uncertain-money.yaml']));

  it.each(files)('%s loads and runs', (file) => {
    const scenario = load(file);
    const results = runMonteCarloInProcess(scenario, monteCarloRequest(scenario, { iterations: 2_000, seed: 1 }));
    expect(results).toHaveLength(5);
    for (const option of results) expect(Number.isFinite(option.perspectives.region!.npv.mean)).toBe(true);
  });

  it.each(['uncertain-money.yaml', 'uncertain-grant.yaml'])('%s gives each draw its own contract cost shape', (file) => {
    expect(costShapeVariesIn(load(file))).toBe(true);
    // ... from continuous inputs, so its sums are kept a set per draw in single precision.
    expect(fewCostShapesIn(load(file))).toBe(false);
  });

  it('uncertain-grant draws the grant share and inflation', () => {
    const paths = drawSources(load('uncertain-grant.yaml')).map((s) => s.path);
    expect(paths).toContain('funding.external_share');
    expect(paths).toContain('finance.inflation');
  });

  it("the central case's cost shape takes a few values (the grant after March 2027 is a discrete choice)", () => {
    const text = readFileSync('scenarios/class-central.yaml', 'utf8');
    const loaded = loadScenario(text, 'class-central.yaml');
    if (!loaded.ok) throw new Error('class-central.yaml does not load');
    expect(costShapeVariesIn(loaded.scenario)).toBe(true);
    expect(fewCostShapesIn(loaded.scenario)).toBe(true);
  });

  it('latin-hypercube-correlated draws the whole run at once, with two correlations', () => {
    const scenario = load('latin-hypercube-correlated.yaml');
    const request = monteCarloRequest(scenario, {});
    expect(drawsByBlock(request)).toBe(false);
    expect(request.sampling).toBe('latin_hypercube');
    expect(request.correlations).toHaveLength(2);
  });
});
