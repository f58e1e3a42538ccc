// Known values worked out by hand from the message catalogue and shared/users.md's examples.
import { describe, expect, it } from 'vitest';
import { jsonForScript } from '../../src/report/charts';
import type { DecisionFigure, DecisionOption, PerspectiveDecision } from '../../src/model/results';
import type { Results } from '../../src/model/results';
import { decisionOf, headlineMeasure } from '../../src/report/decision';
import { assumptionsOf } from '../../src/report/inputs';
import { loadScenario } from '../../src/scenario/load';
import {
  bestSentence,
  endMonth,
  extensionSentence,
  likelihoodOf,
  marginalSentence,
  rangeInWords,
  termMonths,
} from '../../src/report/headline';
import { distributionInWords, listInWords, sourceNoteAt, trailingComment, valueInWords } from '../../src/report/inputs';
import { formatMonth } from '../../src/report/format';
import { parseRunQuery, permalink } from '../../src/web/runQuery';
import { latestChanges, movedDistribution } from '../../src/web/tryChange';
import { inputRow } from '../../src/scenario/catalogue';

describe('inputs in words', () => {
  it('says distributions as a person would', () => {
    expect(distributionInWords({ dist: 'pert', min: 4500, mode: 5631, max: 8000 }, 'money')).toBe(
      'between £4,500 and £8,000, most often near £5,631',
    );
    expect(distributionInWords({ dist: 'uniform', min: 0.3, max: 0.4 }, 'percent')).toBe('between 30% and 40%, any value equally likely');
    expect(distributionInWords({ dist: 'normal', mean: 52, sd: 10, min: 26 }, 'weeks')).toBe(
      'about 52 weeks, give or take 10 weeks, never below 26 weeks',
    );
    expect(distributionInWords({ dist: 'lognormal', low: 10, high: 1000 }, 'number')).toBe(
      '9 times in 10 between 10 and 1,000, middle value 100',
    );
    expect(distributionInWords({ dist: 'discrete', values: [1, 2], weights: [3, 1] }, 'count')).toBe(
      'one of 1 (75% of the time) or 2 (25% of the time)',
    );
    expect(valueInWords(0.035, 'percent')).toBe('3.5%');
    expect(listInWords(['a', 'b', 'c'], 'and')).toBe('a, b and c');
  });

  it('finds the source comment beside a key or above it', () => {
    expect(trailingComment('cost: 5631   # published')).toBe('published');
    expect(trailingComment('name: "a # b"')).toBe('');
    expect(sourceNoteAt('# From the July 2024 report\ncost: 5631\n', 2)).toBe('From the July 2024 report');
  });
});

describe('headline words', () => {
  it('ranges lead with saving or loss', () => {
    expect(rangeInWords(-2_300_000, 1_300_000)).toBe('between a loss of £2.3m and a saving of £1.3m');
    expect(rangeInWords(-2_100_000, -600_000)).toBe('a loss of between £0.6m and £2.1m');
    expect(rangeInWords(138_000, 602_000)).toBe('a saving of between £138k and £602k');
  });

  it('likelihood from the chance of a positive NPV', () => {
    expect([0.95, 0.7, 0.5, 0.2, 0.05].map(likelihoodOf)).toEqual(['veryLikelySave', 'likelySave', 'even', 'likelyCost', 'veryLikelyCost']);
  });

  it('the term of an option in months: the fixed term plus 12 a year', () => {
    const contract = { start: '2025-01-03', baseEnd: '2027-03-31', maxYears: 4, take: 4 };
    expect(termMonths(contract, 0)).toBe(27);
    expect(termMonths(contract, 4)).toBe(75);
    expect(formatMonth('2025-01', 14)).toBe('March 2026');
  });

  it('chart JSON cannot close its script block', () => {
    expect(jsonForScript({ title: '</script><b>&' })).toBe('{"title":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}');
    expect(JSON.parse(jsonForScript({ title: '</script>' }))).toEqual({ title: '</script>' });
  });
});

describe('run links and changes', () => {
  it('reads a permalink query and writes it back in a fixed order', () => {
    const query = parseRunQuery({ hash: '156b78e3d3ae', iterations: '2,000', seed: '7', set: ['outcomes.effectiveness=0.3', 'bad'] });
    expect(query).toMatchObject({ hash: '156b78e3d3ae', iterations: 2000, seed: 7, changes: ['outcomes.effectiveness=0.3'] });
    expect(query.errors).toHaveLength(1);
    expect(permalink('class-central', { hash: '156b78e3d3ae', iterations: 2000, seed: 7, changes: ['outcomes.effectiveness=0.3'] })).toBe(
      '/scenarios/class-central?hash=156b78e3d3ae&iterations=2000&seed=7&set=outcomes.effectiveness%3D0.3',
    );
    expect(parseRunQuery({ iterations: '1e9', seed: '<script>' }).errors).toHaveLength(2);
  });

  it('moves a distribution to a new central value, keeping probabilities within 0 and 1', () => {
    expect(movedDistribution({ dist: 'pert', min: 0.1, mode: 0.25, max: 0.5 }, 0.6, inputRow('outcomes.effectiveness')!)).toBe(
      '{ dist: pert, min: 0.24, mode: 0.6, max: 1 }',
    );
    expect(movedDistribution({ dist: 'uniform', min: 100, max: 300 }, 400, inputRow('contract.annual_value')!)).toBe(
      '{ dist: uniform, min: 200, max: 600 }',
    );
    expect(latestChanges(['a.b=1', 'c=2', 'a.b=3'])).toEqual(['c=2', 'a.b=3']);
  });
});

// A hand-made decision of the shape of shared/model.md section 18 (the model's own arrives in results.decision).
const fig = (
  central: number,
  mean: number | null,
  p10: number | null = null,
  p90: number | null = null,
  probabilityPositive: number | null = null,
): DecisionFigure => ({
  central,
  mean,
  sem: null,
  p10,
  p50: null,
  p90,
  probabilityPositive,
});
function option(k: number, increment: DecisionFigure, marginal: DecisionFigure | null, probabilityBest: number | null): DecisionOption {
  return {
    extensionYears: k,
    incrementalNpv: increment,
    incrementalNetCash: increment,
    marginalNpv: marginal,
    probabilityBest,
    probabilityBestSem: null,
    expectedLoss: null,
    expectedLossSem: null,
    breakEvenAnnualPrice: null,
    breakEvenAnnualPriceCentral: null,
    probabilityEndedEarly: null,
  };
}
// Increments over option 0 (means): 0, -110k, -230k; marginals are their differences: -110k, -120k.
const decision: PerspectiveDecision = {
  bestOption: 0,
  bestOptionCentral: 0,
  options: [
    option(0, fig(0, 0), null, 0.58),
    option(1, fig(-150_000, -110_000, -600_000, 350_000, 0.3), fig(-150_000, -110_000), 0.25),
    option(2, fig(-310_000, -230_000, -1_100_000, 620_000, 0.28), fig(-160_000, -120_000), 0.17),
  ],
};
const contract = { start: '2025-01-03', baseEnd: '2027-03-31', maxYears: 2, take: 2 };

describe('the decision in words (one headline measure, named)', () => {
  it('names the best option and its chance of being best', () => {
    expect(endMonth(contract, 2)).toBe('March 2029');
    expect(bestSentence(decision, 'region', contract, 'mean')).toBe(
      'For the region, the best choice on these figures is to stop at the end of the fixed term (March 2027): on average across the simulations, no number of extension years adds more than it costs. It comes out best in 58% of the simulations (about 6 in 10).',
    );
  });

  it('gives what the extension years add in the mean with its range, or at the central values without Monte Carlo', () => {
    // chance positive 0.28 -> "likely to cost"; mean -230k -> "about £230k"; P10/P90 -1.1m / +620k.
    expect(extensionSentence(decision, 'region', 2, 2, 'mean')).toBe(
      'Taking all 2 extension years is likely to cost the region more than it avoids: about £230k, on average across the simulations (8 in 10 simulations: between a loss of £1.1m and a saving of £0.6m; chance the extension years pay for themselves: about 3 in 10).',
    );
    expect(extensionSentence(decision, 'Bridgend', 1, 2, 'central')).toBe(
      'Taking 1 extension year would cost Bridgend more than it avoids: about £150k, at the central values.',
    );
  });

  it('says what each extension year adds on its own', () => {
    expect(marginalSentence(decision, 'mean')).toBe(
      'Year by year, on average across the simulations: extension year 1 takes away £110k and extension year 2 takes away £120k.',
    );
  });
});

describe('assumptions: source and status beside each input, and truncation where the input is described', () => {
  const text = [
    'name: Provenance',
    'contract: { start: 2025-01-03, base_end: 2027-03-31, annual_value: { value: 660546, source: "Cabinet report 8", status: published }, extensions: { max_years: 1, take: 1 } }',
    'service: { referrals_per_year: 100, capacity: { starts_per_year: 100 } }',
    'outcomes:',
    '  breakdown_risk: 0.25',
    '  effectiveness: { dist: pert, min: 0.1, mode: 0.25, max: 0.5, status: estimate }',
    '  residential_escalation: 0.2',
    '  residential_weeks: { dist: lognormal, low: 26, high: 104 }',
    '  residential_weekly_cost: 5631',
    '',
  ].join('\n');
  const loaded = loadScenario(text, 'provenance.yaml');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  // 1.2e-5 of draws beyond 520 weeks: shown with enough places to be non-zero (0.0012%).
  const assumptions = assumptionsOf(loaded.scenario, [{ input: 'outcomes.residential_weeks', limit: 520, probabilityBeyond: 0.000012 }]);
  const of = (path: string) => assumptions.find((a) => a.path === path)!;

  it('gives the source and status written with the input; no status counts as an assumption', () => {
    expect(of('contract.annual_value')).toMatchObject({ provenanceSource: 'Cabinet report 8', status: 'published' });
    expect(of('outcomes.effectiveness')).toMatchObject({ provenanceSource: '', status: 'estimate' });
    expect(of('outcomes.breakdown_risk')).toMatchObject({ provenanceSource: '', status: 'assumption' });
  });

  it('notes a truncation at the sanity limit beside the input it cuts, and nowhere else', () => {
    expect(of('outcomes.residential_weeks').truncation).toBe(
      'Drawn with its far tail cut at 520 weeks, the sanity limit; 0.0012% of draws would have fallen beyond it.',
    );
    expect(of('outcomes.effectiveness').truncation).toBe('');
  });
});

describe('results made before the model gave a decision', () => {
  // Two options: central NPV -100 and -250, means -80 and -200; net cash -150 and -400 (means -120, -330).
  const option = (k: number, npv: number, mean: number, cash: number, cashMean: number) => ({
    extensionYears: k,
    perspectives: { region: { totals: { npv, netSaving: cash } } },
    monteCarlo: { perspectives: { region: { npv: { mean }, netSaving: { mean: cashMean } } } },
  });
  const results = {
    scenario: { name: 'x', hash: 'x' },
    modelVersion: '1',
    options: [option(0, -100, -80, -150, -120), option(1, -250, -200, -400, -330)],
  } as unknown as Results;

  it('works out increments, margins and the best option from the options, in the mean', () => {
    const region = decisionOf(results).region!;
    expect(headlineMeasure(results)).toBe('mean');
    expect(region.bestOption).toBe(0);
    expect(region.options[1]!.incrementalNpv).toMatchObject({ central: -150, mean: -120, p10: null, probabilityPositive: null });
    expect(region.options[1]!.incrementalNetCash).toMatchObject({ central: -250, mean: -210 });
    expect(region.options[1]!.marginalNpv).toMatchObject({ central: -150, mean: -120 });
    expect(region.options[0]!.marginalNpv).toBeNull();
    expect(region.options[1]!.probabilityBest).toBeNull();
  });

  it('breaks ties to the fewest extension years within £0.01 (the model’s rule), in the mean and at the central values', () => {
    const of = (npvs: number[], means: number[]) =>
      decisionOf({ ...results, options: npvs.map((npv, k) => option(k, npv, means[k]!, 0, 0)) } as unknown as Results).region!;
    expect(of([5, 5.005, 4], [5, 5.02, 4])).toMatchObject({ bestOptionCentral: 0, bestOption: 1 });
    expect(of([5, 5.02], [5.005, 5])).toMatchObject({ bestOptionCentral: 1, bestOption: 0 });
  });
});
