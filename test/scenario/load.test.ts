import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioHash } from '../../src/scenario/hash';
import { formatProblem, loadScenario } from '../../src/scenario/load';
import { INPUTS } from '../../src/scenario/catalogue';
import type { LoadResult, Scenario } from '../../src/scenario/types';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function loaded(result: LoadResult): Scenario {
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.scenario;
}

function problemLines(text: string, file = 'broken.yaml'): string[] {
  const result = loadScenario(text, file);
  if (result.ok) throw new Error('expected problems, the scenario loaded');
  return result.problems.map(formatProblem);
}

/** The section 2 example with one line replaced. */
function central(replace: string, by: string): string {
  const text = fixture('central.yaml');
  if (!text.includes(replace)) throw new Error(`fixture has no ${replace}`);
  return text.replace(replace, by);
}

describe('loadScenario: valid files', () => {
  it('reads the example of shared/model.md section 2', () => {
    const scenario = loaded(loadScenario(fixture('central.yaml'), 'central.yaml'));
    expect(scenario.name).toEqual({ en: 'CLASS regional service, central case' });
    expect(scenario.sources).toEqual([{ en: 'Bridgend cabinet report, 23 July 2024' }]);
    expect(scenario.contract).toEqual({ start: '2025-01-03', baseEnd: '2027-03-31', maxYears: 4, take: 4 });
    expect(scenario.capacityForm).toBe('starts_per_year');
    expect(scenario.maxWaitMonths).toBe(6);
    expect(scenario.externalShareByYear).toEqual({ '2027/28': 0 });
    expect(scenario.councils).toEqual([
      { name: 'Bridgend', label: { en: 'Bridgend' }, childrenShare: 0.35, matchShare: 0.303 },
      { name: 'Rest of region', label: { en: 'Rest of region' }, childrenShare: 0.65, matchShare: 0.697 },
    ]);
    expect(scenario.quantities['outcomes.effectiveness']).toEqual({
      kind: 'distribution',
      distribution: { dist: 'pert', min: 0.1, mode: 0.25, max: 0.5 },
    });
    expect(scenario.quantities['service.capacity.starts_per_year']).toEqual({ kind: 'number', value: 52 });
    expect(scenario.monteCarlo).toEqual({ iterations: 10000, seed: 2025, processVariability: false, sampling: 'random', correlations: [] });
    expect(scenario.positions['outcomes.effectiveness']).toEqual({ line: 24, column: 3 });
    expect(scenario.hash).toMatch(/^[0-9a-f]{12}$/);
  });

  it('fills the defaults of section 2 into a minimal file', () => {
    const scenario = loaded(loadScenario(fixture('minimal.yaml'), 'minimal.yaml'));
    expect(scenario.description).toEqual({ en: '' });
    expect(scenario.sources).toEqual([]);
    expect(scenario.priceBase).toBeUndefined();
    expect(scenario.contract).toEqual({ start: '2025-01-03', baseEnd: '2027-03-31', maxYears: 0, take: 0 });
    expect(scenario.capacityForm).toBe('caseload');
    expect(scenario.maxWaitMonths).toBe(Infinity);
    expect(scenario.externalShareByYear).toEqual({});
    expect(scenario.councils).toEqual([]);
    expect(scenario.variables).toEqual({});
    expect(scenario.monitoring).toEqual([]);
    expect(scenario.monteCarlo).toEqual({ iterations: 0, seed: 1, processVariability: false, sampling: 'random', correlations: [] });
    const numbers = Object.fromEntries(
      Object.entries(scenario.quantities).map(([path, q]) => [path, q.kind === 'number' ? q.value : q.kind]),
    );
    expect(numbers).toEqual({
      'contract.annual_value': 660546,
      'contract.extensions.annual_uplift': 0,
      'funding.external_share': 0,
      'service.referrals_per_year': 60,
      'service.referral_growth': 0,
      'service.capacity.caseload': 30,
      'service.capacity.months_per_child': 7,
      'outcomes.breakdown_risk': 0.25,
      'outcomes.effectiveness': 0.25,
      'outcomes.residential_escalation': 0.2,
      'outcomes.residential_weeks': 52,
      'outcomes.residential_weekly_cost': 5631,
      'outcomes.alternative_weekly_cost': 0,
      'outcomes.move_cost': 0,
      'outcomes.cashable_share': 1,
      'finance.discount_rate': 0.035,
      'finance.residential_cost_growth': 0,
      'finance.optimism_bias': 0,
      'finance.cost_optimism_bias': 0,
      'finance.attribution': 1,
    });
    for (const input of INPUTS) {
      if (input.defaultValue !== undefined) expect(scenario.quantities[input.path]).toEqual({ kind: 'number', value: input.defaultValue });
    }
  });

  it('takes defaults to max_years and reads section 12 and 15 keys', () => {
    const text = central('{ max_years: 4, annual_uplift: 0.0, take: 4 }', '{ max_years: 3 }')
      .replace('  attribution: 1.0', '  attribution: 1.0\n  price_base: "2024/25"\n  cost_optimism_bias: 0.2')
      .concat('monitoring:\n  - { from: 2025-04-01, to: 2025-06-30, referrals: 14, followed_up: 10, breakdowns: 1 }\n');
    const scenario = loaded(loadScenario(text, 'x.yaml'));
    expect(scenario.contract.take).toBe(3);
    expect(scenario.priceBase).toBe('2024/25');
    expect(scenario.quantities['finance.cost_optimism_bias']).toEqual({ kind: 'number', value: 0.2 });
    expect(scenario.monitoring).toEqual([{ from: '2025-04-01', to: '2025-06-30', referrals: 14, followedUp: 10, breakdowns: 1 }]);
  });

  it('reads variables, formulas and correlations', () => {
    const text = central('referrals_per_year: 60', 'referrals_per_year: "children / 3 / share"')
      .replace(
        'monte_carlo: { iterations: 10000, seed: 2025, process_variability: false }',
        'monte_carlo:\n  sampling: latin_hypercube\n  seed: abc\n  correlations: [ { between: [variables.share, outcomes.effectiveness], rank: -0.3 } ]',
      )
      .concat('variables:\n  children: 157\n  share: { dist: uniform, min: 0.3, max: 0.4 }\n');
    const scenario = loaded(loadScenario(text, 'x.yaml'));
    expect(scenario.variables).toEqual({
      children: { kind: 'number', value: 157 },
      share: { kind: 'distribution', distribution: { dist: 'uniform', min: 0.3, max: 0.4 } },
    });
    const referrals = scenario.quantities['service.referrals_per_year'];
    expect(referrals?.kind).toBe('formula');
    if (referrals?.kind === 'formula') expect(referrals.formula.variables).toEqual(['children', 'share']);
    expect(scenario.monteCarlo).toMatchObject({
      seed: 'abc',
      sampling: 'latin_hypercube',
      correlations: [{ between: ['variables.share', 'outcomes.effectiveness'], rank: -0.3 }],
    });
  });

  it('hashes the text: the first 12 hex digits of its SHA-256', () => {
    // Known value from `printf 'name: x\n' | sha256sum`.
    expect(scenarioHash('name: x\n')).toBe('a2a79ea37edb');
    const text = fixture('minimal.yaml');
    expect(loaded(loadScenario(text, 'minimal.yaml')).hash).toBe(scenarioHash(text));
    expect(loaded(loadScenario(text, 'other-name.yaml')).hash).toBe(scenarioHash(text));
    expect(loaded(loadScenario(`${text}# a comment\n`, 'minimal.yaml')).hash).not.toBe(scenarioHash(text));
  });
});

describe('loadScenario: every problem at once', () => {
  // Each line below holds one mistake; the expected problems name its line and column.
  const broken = [
    /*  1 */ 'name: Broken',
    /*  2 */ 'contract:',
    /*  3 */ '  start: 2025-02-30',
    /*  4 */ '  base_end: 2027-03-31',
    /*  5 */ '  annual_value: "£1,000"',
    /*  6 */ 'service:',
    /*  7 */ '  referrals_per_year: "a * x"',
    /*  8 */ '  capacity: { starts_per_year: 52 }',
    /*  9 */ '  referral_growth: 10%',
    /* 10 */ 'outcomes:',
    /* 11 */ '  breakdown_rsk: 0.25',
    /* 12 */ '  effectiveness: { dist: gaussian, mean: 0.2, sd: 0.1 }',
    /* 13 */ '  residential_escalation: 1.2',
    /* 14 */ '  residential_weeks: { dist: pert, min: 10, mode: 60, max: 50 }',
    /* 15 */ '  residential_weekly_cost: 5631',
    /* 16 */ '  residential_weekly_cost: 5632',
    /* 17 */ '  move_cost: "a.b"',
    /* 18 */ '  alternative_weekly_cost: "a = 2"',
    /* 19 */ '  cashable_share: "f(a) = 1"',
    /* 20 */ 'finance:',
    /* 21 */ '  discount_rate: "[1, 2]"',
    /* 22 */ '  optimism_bias: "import({})"',
    /* 23 */ '  attribution: "factorial(1e6)"',
    /* 24 */ '  cost_optimism_bias: { dist: normal, mean: 0.1, sd: 0.05, max: 0.5 }',
    /* 25 */ '  residential_cost_growth: yes',
    /* 26 */ 'monte_carlo: { process_variability: yes, iterations: 2.5 }',
    /* 27 */ 'variables:',
    /* 28 */ '  a: 1',
    /* 29 */ '  b: { dist: uniform, min: 0, max: 2 }',
  ].join('\n');

  it('names the file, line, column, key path and what was expected for each', () => {
    expect(problemLines(broken)).toEqual([
      'broken.yaml:3:10 contract.start: expected a date like 2025-01-03, got "2025-02-30"',
      'broken.yaml:5:17 contract.annual_value: expected an amount in pounds, 0 or more, got "£1,000"; write 1000, not "£1,000"',
      'broken.yaml:7:28 service.referrals_per_year: unknown name `x`; variables are: a, b',
      'broken.yaml:9:20 service.referral_growth: expected a rate such as 0.035 (3.5%), got "10%"; write 0.1, not 10%',
      'broken.yaml:11:3 outcomes.breakdown_risk: required key is missing; expected a probability between 0 and 1',
      'broken.yaml:11:3 outcomes.breakdown_rsk: unknown key `breakdown_rsk`; did you mean `breakdown_risk`?',
      'broken.yaml:12:26 outcomes.effectiveness.dist: expected one of: fixed, uniform, triangular, pert, normal, lognormal, beta, discrete, got "gaussian"',
      'broken.yaml:13:27 outcomes.residential_escalation: expected a probability between 0 and 1, got 1.2',
      'broken.yaml:14:51 outcomes.residential_weeks.mode: expected mode between min (10) and max (50), got 60',
      'broken.yaml:16:3 outcomes.residential_weekly_cost: duplicate key `residential_weekly_cost`; each key may appear only once in a mapping',
      'broken.yaml:17:16 outcomes.move_cost: property access (`a.b` or `a[1]`) is not allowed in a formula',
      'broken.yaml:18:31 outcomes.alternative_weekly_cost: assignment (`x = ...`) is not allowed in a formula',
      'broken.yaml:19:25 outcomes.cashable_share: defining a function (`f(x) = ...`) is not allowed in a formula',
      'broken.yaml:21:19 finance.discount_rate: matrices and lists (`[...]`) are not allowed in a formula',
      'broken.yaml:22:19 finance.optimism_bias: the function `import` is not allowed; functions are: min, max, round, floor, ceil, abs, sqrt, exp, log',
      'broken.yaml:23:17 finance.attribution: the function `factorial` is not allowed; functions are: min, max, round, floor, ceil, abs, sqrt, exp, log',
      'broken.yaml:24:23 finance.cost_optimism_bias: can give values below 0; expected a share such as 0.2 (20%), between 0 and 2 — truncate it with min: 0',
      'broken.yaml:25:28 finance.residential_cost_growth: expected a rate such as 0.035 (3.5%), got "yes"; yes is not a number',
      'broken.yaml:26:37 monte_carlo.process_variability: expected true or false, got "yes"; write true or false, not yes',
      'broken.yaml:26:54 monte_carlo.iterations: expected a whole number of iterations from 0 to 10,000,000, got 2.5',
    ]);
  });

  it('gives each problem as a value with a 1-based line and column', () => {
    const result = loadScenario('name: 1\n', 'a.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems.find((problem) => problem.path === 'name')).toEqual({
        file: 'a.yaml',
        line: 1,
        column: 7,
        path: 'name',
        message: 'expected a name for the scenario, got 1',
      });
  });

  it('says when a probability distribution can leave 0..1', () => {
    expect(problemLines(central('breakdown_risk: 0.25', 'breakdown_risk: { dist: normal, mean: 0.25, sd: 0.1 }'))).toEqual([
      'broken.yaml:23:19 outcomes.breakdown_risk: can give values below 0; expected a probability between 0 and 1 — truncate it with min: 0',
      'broken.yaml:23:19 outcomes.breakdown_risk: can give values above 1; expected a probability between 0 and 1 — truncate it with max: 1 or use pert or beta',
    ]);
    expect(problemLines(central('breakdown_risk: 0.25', 'breakdown_risk: { dist: uniform, min: 0.1, max: 1.2 }'))).toEqual([
      'broken.yaml:23:19 outcomes.breakdown_risk: can give values above 1; expected a probability between 0 and 1 — set its max to 1 or less',
    ]);
  });

  it('checks distribution parameters', () => {
    const text = central('breakdown_risk: 0.25', 'breakdown_risk: { dist: beta, alpha: 0, beta: 2, extra: 1 }')
      .replace('residential_weeks: 52', 'residential_weeks: { dist: lognormal, low: 10, high: 5 }')
      .replace('move_cost: 2000', 'move_cost: { dist: discrete, values: [1, 2], weights: [1] }')
      .replace('residential_weekly_cost: 5631', 'residential_weekly_cost: { min: 1, max: 2 }')
      .replace('alternative_weekly_cost: 550', 'alternative_weekly_cost: { dist: normal, mean: 550, sd: 0, min: 0 }');
    expect(problemLines(text)).toEqual([
      'broken.yaml:23:40 outcomes.breakdown_risk.alpha: expected a shape above 0, got 0',
      'broken.yaml:23:52 outcomes.breakdown_risk.extra: unknown key `extra`',
      'broken.yaml:26:56 outcomes.residential_weeks.high: expected high above low (10), got 5',
      'broken.yaml:27:28 outcomes.residential_weekly_cost.dist: required key is missing; expected one of: fixed, uniform, triangular, pert, normal, lognormal, beta, discrete',
      'broken.yaml:28:59 outcomes.alternative_weekly_cost.sd: expected a standard deviation above 0, got 0',
      'broken.yaml:29:57 outcomes.move_cost.weights: expected 2 weights, one for each value, got 1',
    ]);
  });

  it('checks cross-key rules: dates, take, capacity, councils, external shares', () => {
    expect(problemLines(central('base_end: 2027-03-31', 'base_end: 2024-03-31'))).toEqual([
      'broken.yaml:8:13 contract.base_end: expected a date on or after contract.start (2025-01-03), got 2024-03-31',
    ]);
    expect(problemLines(central('take: 4', 'take: 5'))).toEqual([
      'broken.yaml:10:57 contract.extensions.take: expected a whole number of years from 0 to max_years (4), got 5',
    ]);
    expect(problemLines(central('{ starts_per_year: 52 }', '{ starts_per_year: 52, caseload: 30 }'))).toEqual([
      'broken.yaml:20:13 service.capacity: give either starts_per_year, or caseload with months_per_child, not both',
    ]);
    expect(problemLines(central('{ starts_per_year: 52 }', '{ caseload: 30 }'))).toEqual([
      'broken.yaml:20:13 service.capacity.months_per_child: required key is missing (caseload is given); expected a number of months, more than 0',
    ]);
    expect(problemLines(central('children_share: 0.65', 'children_share: 0.6').replace('Rest of region', 'Bridgend'))).toEqual([
      'broken.yaml:15:3 councils: the children_share values add up to 0.95; they must add up to 1',
      'broken.yaml:16:13 councils.1.name: the council name "Bridgend" is used twice; each council needs its own name',
    ]);
    // zod does not check the value of a record entry whose key is wrong.
    expect(problemLines(central('"2027/28": 0.0', '"2027/29": 1.5'))).toEqual([
      'broken.yaml:13:29 funding.external_share_by_year.2027/29: expected a financial year like "2027/28" (two consecutive years), got "2027/29"',
    ]);
    expect(problemLines(central('max_wait_months: 6', 'max_wait_months: -1'))).toEqual([
      'broken.yaml:21:20 service.max_wait_months: expected a whole number of months, 0 or more (a plain number), got -1',
    ]);
  });

  it('checks monitoring counts', () => {
    const text = central('', '').concat(
      'monitoring:\n',
      '  - { from: 2025-04-01, to: 2025-03-30, followed_up: 10, breakdowns: 11 }\n',
      '  - { from: 2025-04-01, to: 2025-06-30, referrals: -1, breakdowns: 2, residential_entries: 3 }\n',
    );
    expect(problemLines(text)).toEqual([
      'broken.yaml:37:29 monitoring.0.to: expected a date on or after from (2025-04-01), got 2025-03-30',
      'broken.yaml:37:70 monitoring.0.breakdowns: expected at most followed_up (10), got 11',
      'broken.yaml:38:52 monitoring.1.referrals: expected a count: a whole number, 0 or more, got -1',
      'broken.yaml:38:92 monitoring.1.residential_entries: expected at most breakdowns (2), got 3',
    ]);
  });

  it('checks variables, formula ranges and correlations', () => {
    const text = central('breakdown_risk: 0.25', 'breakdown_risk: "share * 3"')
      .replace(
        'monte_carlo: { iterations: 10000, seed: 2025, process_variability: false }',
        [
          'monte_carlo:',
          '  correlations:',
          '    - { between: [outcomes.effectiveness, outcomes.residential_weeks], rank: 0.5 }',
          '    - { between: [outcomes.efectiveness, variables.share], rank: 0.5 }',
          '    - { between: [outcomes.effectiveness, variables.share], rank: 1 }',
        ].join('\n'),
      )
      .concat('variables:\n  share: { dist: uniform, min: 0.3, max: 0.4 }\n  e: 1\n  my-var: 2\n  f: "share + 1"\n');
    expect(problemLines(text)).toEqual([
      "broken.yaml:23:19 outcomes.breakdown_risk: the formula gives 1.05 at the variables' central values; expected a probability between 0 and 1",
      'broken.yaml:37:43 monte_carlo.correlations.0.between.1: `outcomes.residential_weeks` is not uncertain; only inputs written as distributions can be correlated',
      'broken.yaml:38:19 monte_carlo.correlations.1.between.0: unknown input `outcomes.efectiveness`; did you mean `outcomes.effectiveness`?',
      'broken.yaml:39:67 monte_carlo.correlations.2.rank: a rank correlation of 1 makes two inputs move in lock-step; write one as a formula of the other, or use 0.99',
      'broken.yaml:42:3 variables.e: `e` is the name of a mathjs function or constant; choose another variable name',
      'broken.yaml:43:3 variables.my-var: expected a variable name made of letters, digits and _, starting with a letter, got "my-var"',
      'broken.yaml:44:6 variables.f: expected a number or a distribution (variables cannot be formulas), got "share + 1"',
    ]);
  });

  it('says when correlations cannot hold together', () => {
    const text = central(
      'monte_carlo: { iterations: 10000, seed: 2025, process_variability: false }',
      [
        'monte_carlo:',
        '  correlations:',
        '    - { between: [outcomes.effectiveness, variables.a], rank: 0.9 }',
        '    - { between: [variables.a, variables.b], rank: 0.9 }',
        '    - { between: [outcomes.effectiveness, variables.b], rank: -0.9 }',
        'variables:',
        '  a: { dist: uniform, min: 0.3, max: 0.4 }',
        '  b: { dist: normal, mean: 1, sd: 2 }',
      ].join('\n'),
    );
    expect(problemLines(text)).toEqual([
      'broken.yaml:37:5 monte_carlo.correlations: these correlations cannot all hold at once (the matrix is not positive definite): outcomes.effectiveness~variables.a 0.9, outcomes.effectiveness~variables.b -0.9, variables.a~variables.b 0.9; weaken some of them',
    ]);
  });

  it('rejects NaN and infinity, and empty values', () => {
    expect(
      problemLines(central('referral_growth: 0.0', 'referral_growth: .inf').replace('residential_weeks: 52', 'residential_weeks: .nan')),
    ).toEqual([
      'broken.yaml:19:20 service.referral_growth: expected a rate such as 0.035 (3.5%), got .inf; .inf and .nan are not allowed',
      'broken.yaml:26:22 outcomes.residential_weeks: expected a number of weeks between 0 and 520, got .nan; .inf and .nan are not allowed',
    ]);
    expect(problemLines(central('description: Free text shown on the scenario page.', 'description:'))).toEqual([
      'broken.yaml:4:13 description: expected text describing the scenario, got an empty value',
    ]);
  });
});

describe('loadScenario: files that are not a scenario', () => {
  it('points at line 1 for an empty file or a list', () => {
    expect(problemLines('', 'a.yaml')).toEqual([
      'a.yaml:1:1 expected a scenario: a mapping with name, contract, service and outcomes, got an empty value',
    ]);
    expect(problemLines('- 1\n- 2\n', 'a.yaml')).toEqual([
      'a.yaml:1:1 expected a scenario: a mapping with name, contract, service and outcomes, got a list',
    ]);
  });

  it('names missing sections at the top of the file', () => {
    expect(problemLines('name: x\n', 'a.yaml')).toEqual([
      'a.yaml:1:1 contract: required key is missing; expected a mapping with start, base_end and annual_value',
      'a.yaml:1:1 outcomes: required key is missing; expected a mapping with breakdown_risk, effectiveness, residential_escalation, residential_weeks and residential_weekly_cost',
      'a.yaml:1:1 service: required key is missing; expected a mapping with referrals_per_year and capacity',
    ]);
  });

  it('rejects several documents, custom tags, alias bombs, deep nesting and huge files', () => {
    expect(problemLines('name: a\n---\nname: b\n', 'a.yaml')).toEqual([
      'a.yaml:2:1 the file holds more than one YAML document (a line with ---); a scenario file holds exactly one',
    ]);
    expect(problemLines(central('name: CLASS regional service, central case', 'name: !!js/function "function () {}"'))).toEqual([
      'broken.yaml:3:7 name: custom tags like !!js/function are not allowed; write plain values',
    ]);
    const bomb = [
      'a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ];
    expect(problemLines(bomb.join('\n'), 'a.yaml')).toEqual([
      'a.yaml:1:1 the file expands aliases (*name) too many times; at most 100 are allowed',
    ]);
    expect(problemLines(`name: ${'['.repeat(25)}${']'.repeat(25)}\n`, 'a.yaml')).toEqual([
      'a.yaml:1:27 name.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0: the file is nested too deeply; at most 20 levels are allowed',
    ]);
    expect(problemLines(`name: "${'x'.repeat(1_000_001)}"\n`, 'a.yaml')).toEqual([
      'a.yaml:1:1 the file is larger than 1 MB; a scenario file is a few kilobytes',
    ]);
  });

  it('reports YAML syntax errors with their position', () => {
    expect(problemLines('name: [1, 2\nother: 3\n', 'a.yaml')).toEqual([
      'a.yaml:2:1 other: YAML syntax: flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
    expect(problemLines('name: x\ncontract:\n\tstart: 1\n', 'a.yaml')[0]).toBe(
      'a.yaml:3:1 tabs are not allowed for indentation; use spaces',
    );
  });
});
