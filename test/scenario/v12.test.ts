/**
 * The v1.2 keys of the scenario format (shared/model.md sections 10, 16-19): each accepted and
 * read into the Scenario, each mistake reported at its FILE:LINE:COLUMN, warnings that do not
 * stop a run, provenance, and sanity limits drawn truncated.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli';
import { quantile, quantileFunction } from '../../src/model/random/quantile';
import { createRng } from '../../src/model/random/rng';
import { sampleInto } from '../../src/model/random/sample';
import { buildInputs, centralValues, uncertainPaths } from '../../src/scenario/inputs';
import { formatProblem, loadScenario } from '../../src/scenario/load';
import { parseOverride, type Override } from '../../src/scenario/overrides';
import { truncationsOf } from '../../src/scenario/truncation';
import type { LoadResult, Scenario } from '../../src/scenario/types';

const centralFixture = readFileSync(new URL('./fixtures/central.yaml', import.meta.url), 'utf8');

function loaded(result: LoadResult): Scenario {
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.scenario;
}

function problemLines(text: string, file = 'broken.yaml', overrides: Override[] = []): string[] {
  const result = loadScenario(text, file, overrides);
  if (result.ok) throw new Error('expected problems, the scenario loaded');
  return result.problems.map(formatProblem);
}

function overrides(...texts: string[]): Override[] {
  return texts.map((text) => {
    const override = parseOverride(text);
    if (typeof override === 'string') throw new Error(override);
    return override;
  });
}

/** The section 2 example (test fixture) with one piece of text replaced. */
function central(replace: string, by: string): string {
  if (!centralFixture.includes(replace)) throw new Error(`fixture has no ${replace}`);
  return centralFixture.replace(replace, by);
}

/** The fixture without external_share_by_year, so a schedule may be added. */
const withoutByYear = central('  external_share_by_year: { "2027/28": 0.0 }   # optional overrides by financial year\n', '');

/** Every v1.2 key at once; the line numbers are used below. */
const V12 = [
  /*  1 */ 'name: v1.2 example',
  /*  2 */ 'contract:',
  /*  3 */ '  start: 2025-01-03',
  /*  4 */ '  base_end: 2027-03-31',
  /*  5 */ '  annual_value: { value: 660546, source: "Cabinet report 8.1", status: published }',
  /*  6 */ '  price: cash',
  /*  7 */ '  extensions: { max_years: 4, annual_uplift: 0.0, take: 4 }',
  /*  8 */ 'funding:',
  /*  9 */ '  external_share: 0.9',
  /* 10 */ '  schedule:',
  /* 11 */ '    - { from: 2025-01-03, to: 2025-12-31, external_share: 1.0, source: "Cabinet report 8.1: RIF 90% plus 10%" }',
  /* 12 */ '    - { from: 2026-01-01, to: 2027-03-31, external_share: { value: 0.9, source: "Grant letter" }, source: "Board minutes", status: estimate }',
  /* 13 */ '    - { from: 2027-04-01, external_share: { dist: discrete, values: [0, 0.9], weights: [1, 1], status: assumption } }',
  /* 14 */ '  if_grant_falls: contract_ends',
  /* 15 */ 'councils:',
  /* 16 */ '  - { name: Bridgend, children_share: { value: 0.35, source: "Bridgend papers", status: local_data }, match_share: 0.303 }',
  /* 17 */ '  - { name: Rest of region, children_share: 0.65, match_share: 0.697 }',
  /* 18 */ 'service:',
  /* 19 */ '  referrals_per_year: "children / 3"',
  /* 20 */ '  capacity: { starts_per_year: 52 }',
  /* 21 */ 'outcomes:',
  /* 22 */ '  breakdown_risk: 0.25',
  /* 23 */ '  effectiveness: { dist: pert, min: 0.1, mode: 0.25, max: 0.5, source: "Evaluation of the previous service", status: estimate }',
  /* 24 */ '  residential_escalation: 0.2',
  /* 25 */ '  residential_weeks: { dist: lognormal, low: 26, high: 104 }',
  /* 26 */ '  residential_weekly_cost: { value: 5631, source: "Bridgend cabinet report, July 2024, 3.2", status: published }',
  /* 27 */ '  move_cost: { value: "children * 10", status: assumption }',
  /* 28 */ 'finance:',
  /* 29 */ '  inflation: { dist: uniform, min: 0.01, max: 0.03 }',
  /* 30 */ '  price_base: "2024/25"',
  /* 31 */ '  discount_base_year: "2026/27"',
  /* 32 */ 'variables:',
  /* 33 */ '  children: { value: 157, source: "Corporate parenting report, March 2020", status: published }',
  /* 34 */ 'monitoring:',
  /* 35 */ '  illustrative: true',
  /* 36 */ '  periods:',
  /* 37 */ '    - { from: 2025-04-01, to: 2025-06-30, referrals: 14 }',
  /* 38 */ 'decision: { perspective: Bridgend, map: [outcomes.effectiveness, funding.schedule.2.external_share] }',
  '',
].join('\n');

describe('v1.2 keys: accepted and read', () => {
  const scenario = loaded(loadScenario(V12, 'v12.yaml'));

  it('reads the funding schedule, if_grant_falls, contract.price, inflation and the base years', () => {
    expect(scenario.fundingSchedule).toEqual([
      { from: '2025-01-03', to: '2025-12-31' },
      { from: '2026-01-01', to: '2027-03-31' },
      { from: '2027-04-01' },
    ]);
    expect(scenario.quantities['funding.schedule.0.external_share']).toEqual({ kind: 'number', value: 1 });
    expect(scenario.quantities['funding.schedule.1.external_share']).toEqual({ kind: 'number', value: 0.9 });
    // source and status are provenance, not part of the distribution.
    expect(scenario.quantities['funding.schedule.2.external_share']).toEqual({
      kind: 'distribution',
      distribution: { dist: 'discrete', values: [0, 0.9], weights: [1, 1] },
    });
    expect(scenario.ifGrantFalls).toBe('contract_ends');
    expect(scenario.contractPrice).toBe('cash');
    expect(scenario.quantities['finance.inflation']).toEqual({
      kind: 'distribution',
      distribution: { dist: 'uniform', min: 0.01, max: 0.03 },
    });
    expect(scenario.priceBase).toBe('2024/25');
    expect(scenario.discountBaseYear).toBe('2026/27');
    expect(scenario.externalShareByYear).toEqual({});
  });

  it('gives the model months and central shares: schedule by month, inflation and base years as indices', () => {
    const inputs = buildInputs(scenario, centralValues(scenario));
    // Month 0 is January 2025: December 2025 is month 11, March 2027 month 26, April 2027 month 27.
    // The discrete share's central value is its weighted mean (0 + 0.9) / 2 = 0.45.
    expect(inputs.fundingSchedule).toEqual([
      { fromMonth: 0, toMonth: 11, externalShare: 1 },
      { fromMonth: 12, toMonth: 26, externalShare: 0.9 },
      { fromMonth: 27, toMonth: Infinity, externalShare: 0.45 },
    ]);
    expect(inputs.inflation).toBeCloseTo(0.02, 15); // uniform 0.01..0.03: the mean
    expect(inputs.priceBaseYear).toBe(0); // 2024/25 holds January 2025
    expect(inputs.discountBaseYear).toBe(2); // 2026/27 is two years after 2024/25
    expect(inputs.moveCost).toBe(1570); // "children * 10" with children 157
    expect(inputs.councils[0]).toEqual({ name: 'Bridgend', childrenShare: 0.35, matchShare: 0.303 });
  });

  it('puts council shares among the quantities as fixed numbers, and keeps councils', () => {
    expect(scenario.councils).toEqual([
      { name: 'Bridgend', label: { en: 'Bridgend' }, childrenShare: 0.35, matchShare: 0.303 },
      { name: 'Rest of region', label: { en: 'Rest of region' }, childrenShare: 0.65, matchShare: 0.697 },
    ]);
    expect(scenario.quantities['councils.0.children_share']).toEqual({ kind: 'number', value: 0.35 });
    expect(scenario.quantities['councils.0.match_share']).toEqual({ kind: 'number', value: 0.303 });
    expect(scenario.quantities['councils.1.children_share']).toEqual({ kind: 'number', value: 0.65 });
    expect(scenario.quantities['councils.1.match_share']).toEqual({ kind: 'number', value: 0.697 });
  });

  it('reads provenance on a number, a formula, a distribution, a variable, a council share and schedule entries', () => {
    expect(scenario.provenance).toEqual({
      'contract.annual_value': { source: { en: 'Cabinet report 8.1' }, status: 'published' },
      'outcomes.effectiveness': { source: { en: 'Evaluation of the previous service' }, status: 'estimate' },
      'outcomes.residential_weekly_cost': { source: { en: 'Bridgend cabinet report, July 2024, 3.2' }, status: 'published' },
      'outcomes.move_cost': { status: 'assumption' },
      'councils.0.children_share': { source: { en: 'Bridgend papers' }, status: 'local_data' },
      // Entry 0: the entry's source. Entry 1: the share's own source wins, the entry's status stays.
      'funding.schedule.0.external_share': { source: { en: 'Cabinet report 8.1: RIF 90% plus 10%' } },
      'funding.schedule.1.external_share': { source: { en: 'Grant letter' }, status: 'estimate' },
      'funding.schedule.2.external_share': { status: 'assumption' },
      'variables.children': { source: { en: 'Corporate parenting report, March 2020' }, status: 'published' },
    });
    expect(scenario.quantities['contract.annual_value']).toEqual({ kind: 'number', value: 660546 });
    expect(scenario.variables.children).toEqual({ kind: 'number', value: 157 });
    expect(scenario.quantities['outcomes.move_cost']?.kind).toBe('formula');
  });

  it('reads illustrative monitoring and the decision, with no warnings', () => {
    expect(scenario.monitoringIllustrative).toBe(true);
    expect(scenario.monitoring).toEqual([{ from: '2025-04-01', to: '2025-06-30', referrals: 14 }]);
    expect(scenario.decision).toEqual({ perspective: 'Bridgend', map: ['outcomes.effectiveness', 'funding.schedule.2.external_share'] });
    expect(scenario.warnings).toEqual([]);
    expect(uncertainPaths(scenario)).toEqual([
      'outcomes.effectiveness',
      'outcomes.residential_weeks',
      'finance.inflation',
      'funding.schedule.2.external_share',
    ]);
  });

  it('accepts a lognormal residential_weeks, truncated at 520 weeks, its central value unchanged', () => {
    expect(scenario.quantities['outcomes.residential_weeks']).toEqual({
      kind: 'distribution',
      distribution: { dist: 'lognormal', low: 26, high: 104, upper: 520 },
    });
    // The median sqrt(26 x 104) = 52, as section 10's table says, truncation or not.
    expect(centralValues(scenario)['outcomes.residential_weeks']).toBeCloseTo(52, 10);
  });

  it('gives a v1.1 file the same Scenario plus the v1.2 defaults', () => {
    const v11 = loaded(loadScenario(centralFixture, 'central.yaml'));
    expect(v11.fundingSchedule).toEqual([]);
    expect(v11.ifGrantFalls).toBe('councils_pay');
    expect(v11.contractPrice).toBe('real');
    expect(v11.discountBaseYear).toBeUndefined();
    expect(v11.decision).toEqual({ perspective: 'region' });
    expect(v11.provenance).toEqual({});
    expect(v11.monitoringIllustrative).toBe(false);
    expect(v11.warnings).toEqual([]);
    expect('finance.inflation' in v11.quantities).toBe(false);
    expect(v11.quantities['outcomes.residential_weeks']).toEqual({ kind: 'number', value: 52 });
  });
});

describe('v1.2 keys: mistakes', () => {
  const broken = [
    /*  1 */ 'name: Broken v1.2',
    /*  2 */ 'contract:',
    /*  3 */ '  start: 2025-01-03',
    /*  4 */ '  base_end: 2027-03-31',
    /*  5 */ '  annual_value: { value: 660546, status: guessed }',
    /*  6 */ '  price: nominal',
    /*  7 */ 'funding:',
    /*  8 */ '  external_share: 0.9',
    /*  9 */ '  schedule:',
    /* 10 */ '    - { from: 2026-01-01, to: 2025-12-31, external_share: 1.2 }',
    /* 11 */ '    - { from: 2027-04-01, external_share: { dist: normal, mean: 0.5, sd: 0.2 } }',
    /* 12 */ '  if_grant_falls: stop',
    /* 13 */ 'councils:',
    /* 14 */ '  - { name: Bridgend, children_share: { dist: uniform, min: 0.3, max: 0.4 }, match_share: 0.3 }',
    /* 15 */ '  - { name: Rest, children_share: 0.65, match_share: 0.7 }',
    /* 16 */ 'service:',
    /* 17 */ '  referrals_per_year: 60',
    /* 18 */ '  capacity: { starts_per_year: 52 }',
    /* 19 */ 'outcomes:',
    /* 20 */ '  breakdown_risk: { value: 0.25, source: 12 }',
    /* 21 */ '  effectiveness: { dist: pert, min: 0.1, mode: 0.25, max: 0.5, status: sure }',
    /* 22 */ '  residential_escalation: 0.2',
    /* 23 */ '  residential_weeks: 600',
    /* 24 */ '  residential_weekly_cost: 5631',
    /* 25 */ 'finance:',
    /* 26 */ '  discount_base_year: "2026/28"',
    /* 27 */ 'monitoring:',
    /* 28 */ '  illustrative: maybe',
    /* 29 */ '  periods: []',
    /* 30 */ 'decision: { perspective: Brigend, map: [outcomes.efectiveness, nonsense.path] }',
    '',
  ].join('\n');

  it('reports every mistake at once with its line, column, key path and message', () => {
    expect(problemLines(broken)).toEqual([
      'broken.yaml:5:42 contract.annual_value.status: expected one of: published, local_data, estimate, assumption, got "guessed"',
      'broken.yaml:6:10 contract.price: expected one of: real, cash, got "nominal"',
      'broken.yaml:10:31 funding.schedule.0.to: expected a date on or after from (2026-01-01), got 2025-12-31',
      'broken.yaml:10:59 funding.schedule.0.external_share: expected a probability between 0 and 1, got 1.2',
      'broken.yaml:11:43 funding.schedule.1.external_share: can give values below 0; expected a probability between 0 and 1 — truncate it with min: 0',
      'broken.yaml:11:43 funding.schedule.1.external_share: can give values above 1; expected a probability between 0 and 1 — truncate it with max: 1 or use pert or beta',
      'broken.yaml:12:19 funding.if_grant_falls: expected one of: councils_pay, contract_ends, got "stop"',
      'broken.yaml:14:39 councils.0.children_share: council shares are fixed numbers; write a plain number such as 0.35, not a distribution',
      'broken.yaml:20:42 outcomes.breakdown_risk.source: expected text saying where the figure comes from, got 12',
      'broken.yaml:21:72 outcomes.effectiveness.status: expected one of: published, local_data, estimate, assumption, got "sure"',
      'broken.yaml:23:22 outcomes.residential_weeks: expected a number of weeks between 0 and 520, got 600',
      'broken.yaml:26:23 finance.discount_base_year: expected a financial year like "2027/28" (two consecutive years), got "2026/28"',
      'broken.yaml:28:17 monitoring.illustrative: expected true or false, got "maybe"',
      'broken.yaml:30:26 decision.perspective: unknown perspective "Brigend"; expected region or a council: Bridgend, Rest; did you mean `Bridgend`?',
      'broken.yaml:30:41 decision.map.0: unknown input `outcomes.efectiveness`; did you mean `outcomes.effectiveness`?',
      'broken.yaml:30:64 decision.map.1: unknown input `nonsense.path`; inputs of this scenario include: outcomes.effectiveness, funding.schedule.1.external_share, councils.0.children_share, contract.annual_value, contract.extensions.annual_uplift, funding.external_share, and 19 more',
    ]);
  });

  it('refuses funding.schedule with external_share_by_year, naming both', () => {
    const text = central(
      '  external_share_by_year: { "2027/28": 0.0 }   # optional overrides by financial year\n',
      '  external_share_by_year: { "2027/28": 0.0 }\n  schedule:\n    - { from: 2025-01-03, external_share: 0.9 }\n',
    );
    expect(problemLines(text)).toEqual([
      'broken.yaml:14:3 funding.schedule: funding.schedule cannot be used with funding.external_share_by_year; give every share by date in the schedule',
    ]);
  });

  it('refuses a perspective when there are no councils, and a map naming one input twice', () => {
    const text = central(
      'councils:                       # optional; shares each sum to 1\n  - { name: Bridgend, children_share: 0.35, match_share: 0.303 }\n  - { name: Rest of region, children_share: 0.65, match_share: 0.697 }\n',
      '',
    ).concat('decision: { perspective: Bridgend, map: [outcomes.effectiveness, outcomes.effectiveness] }\n');
    expect(problemLines(text)).toEqual([
      'broken.yaml:33:26 decision.perspective: unknown perspective "Bridgend"; expected region (the scenario has no councils)',
      'broken.yaml:33:66 decision.map.1: the map needs two different inputs; both are outcomes.effectiveness',
    ]);
  });

  it('checks a formula, a value form and a distribution against a sanity limit', () => {
    const text = central('residential_weeks: 52', 'residential_weeks: "children * 4"')
      .replace('residential_weekly_cost: 5631', 'residential_weekly_cost: { value: 2000000000, status: estimate }')
      .replace('move_cost: 2000', 'move_cost: { dist: lognormal, low: 1000, high: 2000000000 }')
      .concat('variables:\n  children: 157\n');
    expect(problemLines(text)).toEqual([
      // 157 x 4 = 628 weeks
      "broken.yaml:26:22 outcomes.residential_weeks: the formula gives 628 at the variables' central values; expected a number of weeks between 0 and 520",
      'broken.yaml:27:28 outcomes.residential_weekly_cost: expected an amount in pounds, 0 or more, at most 1,000,000,000, got 2000000000',
      'broken.yaml:29:14 outcomes.move_cost: expected an amount in pounds, 0 or more, at most 1,000,000,000; its high is 2000000000',
    ]);
  });

  it('keeps the v1.1 message for a mapping without dist or value', () => {
    expect(problemLines(central('residential_weekly_cost: 5631', 'residential_weekly_cost: { min: 1, max: 2, source: x }'))).toEqual([
      'broken.yaml:27:28 outcomes.residential_weekly_cost.dist: required key is missing; expected one of: fixed, uniform, triangular, pert, normal, lognormal, beta, discrete',
    ]);
  });
});

describe('v1.2 warnings', () => {
  // The fixture: 27 months of fixed term (January 2025 to March 2027) + 4 extension years = 75
  // months, plus a 52-week placement's tail of 12 months = 87 months, 0..86: January 2025 to March 2032.
  const schedule = (entries: string[]): string =>
    withoutByYear.replace(
      '  external_share: 0.9           # grant share of the contract cost\n',
      `  external_share: 0.9\n  schedule:\n${entries.map((e) => `    - ${e}\n`).join('')}`,
    );

  it('warns of an entry wholly outside the horizon, and loads', () => {
    const text = schedule([
      '{ from: 2032-03-15, external_share: 0.5 }', // month 86: the horizon's last
      '{ from: 2032-04-01, external_share: 0.5 }', // month 87: after it
      '{ from: 2020-01-01, to: 2025-01-01, external_share: 0.5 }', // ends in month 0: inside
      '{ from: 2020-01-01, to: 2024-12-31, external_share: 0.5 }', // ends in month -1: before it
    ]);
    const scenario = loaded(loadScenario(text, 'w.yaml'));
    expect(scenario.warnings.map(formatProblem)).toEqual([
      "w.yaml:15:7 funding.schedule.1: the entry starts on 2032-04-01, after the last month of the horizon (2032-03: the longest option's term and the longest placement); it is never used",
      'w.yaml:17:7 funding.schedule.3: the entry ends on 2024-12-31, before the first month of the horizon (2025-01, the month of contract.start); it is never used',
    ]);
    expect(scenario.fundingSchedule).toHaveLength(4);
  });

  it('warns when decision.map names a fixed input', () => {
    const scenario = loaded(
      loadScenario(`${centralFixture}decision: { map: [outcomes.effectiveness, councils.0.match_share] }\n`, 'w.yaml'),
    );
    expect(scenario.decision).toEqual({ perspective: 'region', map: ['outcomes.effectiveness', 'councils.0.match_share'] });
    expect(scenario.warnings.map(formatProblem)).toEqual([
      'w.yaml:36:43 decision.map.1: `councils.0.match_share` is not uncertain (not written as a distribution); the decision map needs two uncertain inputs, so there will be no map',
    ]);
  });

  it('prints warnings on stderr from the command line, and still runs', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'v12-'));
    const file = join(directory, 'w.yaml');
    writeFileSync(file, schedule(['{ from: 2040-01-01, external_share: 0.5 }']));
    let out = '';
    let err = '';
    const sink = (write: (text: string) => void) => new Writable({ write: (chunk, _encoding, done) => (write(String(chunk)), done()) });
    const code = await main(
      [file, '--iterations', '0', '--format', 'json'],
      sink((text) => (out += text)),
      sink((text) => (err += text)),
    );
    expect(code).toBe(0);
    expect(err).toBe(
      `${file}:14:7 funding.schedule.0: warning: the entry starts on 2040-01-01, after the last month of the horizon (2032-03: the longest option's term and the longest placement); it is never used\n`,
    );
    expect(JSON.parse(out).scenario.name).toBe('CLASS regional service, central case');
  });
});

describe('v1.2 paths in --set and correlations', () => {
  it('--set on a schedule share', () => {
    const scenario = loaded(loadScenario(V12, 'v12.yaml', overrides('funding.schedule.2.external_share=0')));
    expect(scenario.quantities['funding.schedule.2.external_share']).toEqual({ kind: 'number', value: 0 });
    expect(buildInputs(scenario, centralValues(scenario)).fundingSchedule[2]).toEqual({
      fromMonth: 27,
      toMonth: Infinity,
      externalShare: 0,
    });
    // The override's own text has no provenance; the entry has none either.
    expect(scenario.provenance['funding.schedule.2.external_share']).toBeUndefined();
    // "funding.schedule.2.external_share=" is 34 characters, so the value starts at column 35.
    expect(problemLines(V12, 'v12.yaml', overrides('funding.schedule.2.external_share=1.5'))).toEqual([
      '--set:1:35 funding.schedule.2.external_share: expected a probability between 0 and 1, got 1.5',
    ]);
    expect(problemLines(V12, 'v12.yaml', overrides('funding.schedule.3.external_share=0'))).toEqual([
      '--set:1:1 funding.schedule.3.external_share: cannot set funding.schedule.3.external_share: the list funding.schedule has no item 3',
    ]);
  });

  it('correlates a schedule share; a council share is not uncertain', () => {
    const correlated = V12.replace(
      'decision:',
      'monte_carlo:\n  correlations:\n    - { between: [funding.schedule.2.external_share, outcomes.effectiveness], rank: 0.5 }\ndecision:',
    );
    expect(loaded(loadScenario(correlated, 'v12.yaml')).monteCarlo.correlations).toEqual([
      { between: ['funding.schedule.2.external_share', 'outcomes.effectiveness'], rank: 0.5 },
    ]);
    const fixed = V12.replace(
      'decision:',
      'monte_carlo:\n  correlations:\n    - { between: [councils.0.match_share, funding.schedule.0.external_share], rank: 0.5 }\ndecision:',
    );
    expect(problemLines(fixed, 'v12.yaml')).toEqual([
      'v12.yaml:40:19 monte_carlo.correlations.0.between.0: `councils.0.match_share` is not uncertain; only inputs written as distributions can be correlated',
      'v12.yaml:40:43 monte_carlo.correlations.0.between.1: `funding.schedule.0.external_share` is not uncertain; only inputs written as distributions can be correlated',
    ]);
  });
});

describe('sanity limits are not ranges (section 10)', () => {
  // lognormal 26..400: mu = ln sqrt(26 x 400), sigma = ln(400/26) / (2 x 1.6448536) = 0.8309;
  // P(X > 520) = 1 - Phi((ln 520 - mu) / sigma) = 0.0249618 (Python statistics.NormalDist).
  const wide = loaded(
    loadScenario(central('residential_weeks: 52', 'residential_weeks: { dist: lognormal, low: 26, high: 400 }'), 'wide.yaml'),
  );
  const weeks = wide.quantities['outcomes.residential_weeks'];
  const distribution = weeks?.kind === 'distribution' ? weeks.distribution : undefined;

  it('accepts a lognormal whose tail passes 520 weeks and truncates it there', () => {
    expect(distribution).toEqual({ dist: 'lognormal', low: 26, high: 400, upper: 520 });
  });

  it('draws never above 520 weeks, and never clamped to it (seeded 10,000 draws)', () => {
    const draws = new Float64Array(10_000);
    sampleInto(createRng(2025), distribution!, draws);
    expect(Math.max(...draws)).toBeLessThan(520);
    expect(draws.filter((x) => x === 520).length).toBe(0);
    // About 2.5% of untruncated draws would pass 520 (250 of 10,000): the truncation is doing work.
    const sorted = [...draws].sort((a, b) => a - b);
    // The truncated P90 is 267.97 (Python: exp(mu + sigma x invcdf(0.9 x 0.97504))); with 10,000 draws its
    // standard error is about 5 weeks.
    expect(Math.abs(sorted[9000]! - 267.97)).toBeLessThan(15);
  });

  it('gives truncated quantiles: inverse CDF on [0, F(520)]', () => {
    // Hand values from Python statistics.NormalDist: exp(mu + sigma x invcdf(p x 0.9750382)).
    expect(quantile(distribution!, 0.5)).toBeCloseTo(99.3632289, 5);
    expect(quantile(distribution!, 0.9)).toBeCloseTo(267.9744002, 5);
    expect(quantileFunction(distribution!)(0.999)).toBeCloseTo(512.946322, 4);
    expect(quantile(distribution!, 1)).toBe(520);
    // Untruncated, the 99.9th percentile is 1329 weeks.
    expect(quantile({ dist: 'lognormal', low: 26, high: 400 }, 0.999)).toBeCloseTo(1329.30015, 3);
  });

  it('lists truncations that can matter, with P(beyond) of the untruncated distribution', () => {
    const [only, ...rest] = truncationsOf(wide);
    expect(rest).toEqual([]);
    expect(only?.input).toBe('outcomes.residential_weeks');
    expect(only?.limit).toBe(520);
    expect(only?.probabilityBeyond).toBeCloseTo(0.0249617727, 8);
    // 26..104: P = 2.33e-8 (Python), below the 1e-6 threshold: not listed unless asked.
    const narrow = loaded(loadScenario(V12, 'v12.yaml'));
    expect(truncationsOf(narrow)).toEqual([]);
    const all = truncationsOf(narrow, true);
    expect(all.map((t) => t.input)).toEqual(['outcomes.residential_weeks']);
    expect(all[0]!.probabilityBeyond / 2.3264977167e-8).toBeCloseTo(1, 6);
  });

  it('truncates money keys at GBP 1bn, leaving draws that never reach it unchanged', () => {
    const text = central('residential_weekly_cost: 5631', 'residential_weekly_cost: { dist: lognormal, low: 4000, high: 8000 }');
    const money = loaded(loadScenario(text, 'm.yaml')).quantities['outcomes.residential_weekly_cost'];
    expect(money).toEqual({ kind: 'distribution', distribution: { dist: 'lognormal', low: 4000, high: 8000, upper: 1_000_000_000 } });
    const truncated = new Float64Array(1000);
    const plain = new Float64Array(1000);
    if (money?.kind !== 'distribution') throw new Error('expected a distribution');
    sampleInto(createRng(7), money.distribution, truncated);
    sampleInto(createRng(7), { dist: 'lognormal', low: 4000, high: 8000 }, plain);
    // F(1bn) is 1 in double precision, so inversion on [0, F(1bn)] gives the very same draws.
    expect(truncated).toEqual(plain);
  });
});
