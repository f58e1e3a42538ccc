import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Results } from '../../src/model/results';
import { checkedResults, IntegrityError, integrityViolations } from '../../src/report/integrity';
import { runScenario } from '../../src/run/analyse';
import { loadScenario } from '../../src/scenario/load';
import { PROJECT_ROOT } from '../../src/web/middleware/staticFiles';

/** Real results of a bundled scenario with monitoring (so updated options and tracking are there too). */
let results: Results;
beforeAll(async () => {
  const file = path.join(PROJECT_ROOT, 'scenarios', 'class-central-with-monitoring.yaml');
  const text = readFileSync(file, 'utf8').replace(/iterations: \d+/, 'iterations: 400');
  const loaded = loadScenario(text, file);
  if (!loaded.ok) throw new Error('the bundled scenario should load');
  results = await runScenario(loaded.scenario, { seed: 3 });
});

/**
 * Violations outside monitoring.updatedOptions: the updated options share their deterministic
 * parts with `options` (structuredClone keeps that), so a corrupted figure is found under both.
 */
function outsideUpdate(bad: Results): ReturnType<typeof integrityViolations> {
  return integrityViolations(bad).filter((violation) => !violation.path.startsWith('monitoring.updatedOptions.'));
}

/** A deep copy of the results, changed by `corrupt`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a corrupted copy may hold anything
type Corruptible = Results & Record<string, any>;

function corrupted(corrupt: (copy: Corruptible) => void): Results {
  const copy = structuredClone(results) as Corruptible;
  corrupt(copy);
  return copy;
}

describe('integrityViolations', () => {
  it('finds nothing wrong with real results, including the monitoring and value-of-information sections', () => {
    expect(results.monitoring).toBeDefined();
    expect(integrityViolations(results)).toEqual([]);
    expect(checkedResults(results)).toBe(results);
  });

  it('finds NaN and infinities anywhere, by path', () => {
    const bad = corrupted((copy) => {
      copy.options[1]!.perspectives.region!.totals.npv = Number.NaN;
      copy.options[0]!.perspectives.region!.byFinancialYear[2]!.avoidedCost = Number.POSITIVE_INFINITY;
      copy.options[0]!.breakEven.switchingValues['outcomes.effectiveness'] = Number.NEGATIVE_INFINITY;
      copy.valueOfInformation!.evpi = Number.NaN;
    });
    expect(integrityViolations(bad)).toContainEqual({
      path: 'monitoring.updatedOptions.1.perspectives.region.totals.npv',
      problem: 'is NaN',
    });
    expect(outsideUpdate(bad)).toEqual([
      { path: 'options.0.perspectives.region.byFinancialYear.2.avoidedCost', problem: 'is Infinity' },
      { path: 'options.0.breakEven.switchingValues.outcomes.effectiveness', problem: 'is -Infinity' },
      { path: 'options.1.perspectives.region.totals.npv', problem: 'is NaN' },
      { path: 'valueOfInformation.evpi', problem: 'is NaN' },
    ]);
  });

  it('allows null where the results mean "none" (payback never, no ratio)', () => {
    const fine = corrupted((copy) => {
      copy.options[0]!.perspectives.region!.totals.paybackMonth = null;
      copy.options[0]!.perspectives.region!.totals.bcr = null;
    });
    expect(integrityViolations(fine)).toEqual([]);
  });

  it('finds percentiles out of order: summaries, fans and tracking bands', () => {
    const bad = corrupted((copy) => {
      const npv = copy.options[2]!.monteCarlo!.perspectives.region!.npv;
      npv.p25 = npv.p10 - 1;
      const fan = copy.options[0]!.monteCarlo!.perspectives.region!.fan[1]!;
      fan.p95 = fan.p5 - 1;
      const band = copy.monitoring!.periods[0]!.expected.referrals;
      band.p10 = band.p90 + 1;
    });
    const found = outsideUpdate(bad).map((violation) => violation.path);
    expect(found).toEqual([
      'options.0.monteCarlo.perspectives.region.fan.1.p95',
      'options.2.monteCarlo.perspectives.region.npv.p25',
      'monitoring.periods.0.expected.referrals.p50',
    ]);
    expect(outsideUpdate(bad)[1]!.problem).toMatch(/^p25 \(-?[\d.e+-]+\) is below p10 \(-?[\d.e+-]+\)$/);
  });

  it('finds probabilities outside 0..1, negative spreads and malformed histograms', () => {
    const bad = corrupted((copy) => {
      const region = copy.options[1]!.monteCarlo!.perspectives.region!;
      region.probabilityNpvPositive = 1.2;
      region.probabilityPaidBack = -0.1;
      region.npv.sem = -1;
      region.npvHistogram.edges.pop();
      region.npvHistogram.counts[0] = -3;
      region.npvHistogram.edges[5] = region.npvHistogram.edges[4]! - 1;
    });
    expect(outsideUpdate(bad).map(({ path, problem }) => `${path}: ${problem.replace(/-?\d[\d.e+-]*/g, '#')}`)).toEqual([
      'options.1.monteCarlo.perspectives.region.npv.sem: # is below #',
      'options.1.monteCarlo.perspectives.region.probabilityNpvPositive: # is not a probability between # and #',
      'options.1.monteCarlo.perspectives.region.probabilityPaidBack: # is not a probability between # and #',
      'options.1.monteCarlo.perspectives.region.npvHistogram: has # edges for # bins; expected one more edge than bins',
      'options.1.monteCarlo.perspectives.region.npvHistogram.edges.5: edge # is below the one before (#)',
      'options.1.monteCarlo.perspectives.region.npvHistogram.counts.0: count # is below #',
    ]);
  });

  it('checkedResults throws an IntegrityError that lists the first violations', () => {
    const bad = corrupted((copy) => {
      for (const option of copy.options) option.perspectives.region!.totals.npv = Number.NaN;
    });
    expect(() => checkedResults(bad)).toThrow(IntegrityError);
    expect(() => checkedResults(bad)).toThrow(
      'results failed the integrity check: options.0.perspectives.region.totals.npv is NaN; options.1.perspectives.region.totals.npv is NaN; ' +
        'options.2.perspectives.region.totals.npv is NaN; options.3.perspectives.region.totals.npv is NaN; options.4.perspectives.region.totals.npv is NaN',
    );
  });

  it('stops at absurd depth instead of recursing without end', () => {
    let deep: Record<string, unknown> = { value: 1 };
    for (let i = 0; i < 100; i += 1) deep = { deep };
    const bad = corrupted((copy) => {
      copy.extra = deep;
    });
    expect(integrityViolations(bad)).toHaveLength(1);
    expect(integrityViolations(bad)[0]!.problem).toBe('is nested more than 40 levels deep');
  });
});
