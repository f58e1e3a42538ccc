import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenario } from '../../src/scenario/load';
import { parseOverride, type Override } from '../../src/scenario/overrides';

const central = readFileSync(new URL('./fixtures/central.yaml', import.meta.url), 'utf8');

function overrides(...texts: string[]): Override[] {
  return texts.map((text) => {
    const override = parseOverride(text);
    if (typeof override === 'string') throw new Error(override);
    return override;
  });
}

describe('parseOverride', () => {
  it('reads key.path=value and where the value starts', () => {
    expect(parseOverride('outcomes.effectiveness=0.3')).toEqual({
      text: 'outcomes.effectiveness=0.3',
      path: ['outcomes', 'effectiveness'],
      valueText: '0.3',
      valueColumn: 24,
    });
    expect(parseOverride('councils.0.name=a=b')).toMatchObject({ path: ['councils', '0', 'name'], valueText: 'a=b' });
  });

  it.each([
    ['outcomes.effectiveness', 'expected key.path=value, e.g. outcomes.effectiveness=0.3'],
    ['=1', 'expected a key path like outcomes.effectiveness before =, got ""'],
    ['a..b=1', 'expected a key path like outcomes.effectiveness before =, got "a..b"'],
    ['a.b-c=1', '"b-c" is not a key name'],
    ['a.b=', 'expected a value after =, e.g. a.b=0.3'],
    ['a=[1', 'the value is not valid YAML at column 5: Flow sequence must end with a ]'],
  ])('%s -> %s', (text, message) => {
    expect(parseOverride(text)).toBe(message);
  });
});

describe('loadScenario with overrides', () => {
  it('applies numbers, distributions and formulas, later ones winning', () => {
    const result = loadScenario(
      `${central}variables:\n  half: 0.5\n`,
      'central.yaml',
      overrides(
        'outcomes.effectiveness={dist: uniform, min: 0.1, max: 0.3}',
        'funding.external_share=0.5',
        'funding.external_share=0.6',
        'outcomes.move_cost="half * 1000"',
      ),
    );
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.scenario.quantities['outcomes.effectiveness']).toEqual({
      kind: 'distribution',
      distribution: { dist: 'uniform', min: 0.1, max: 0.3 },
    });
    expect(result.scenario.quantities['funding.external_share']).toEqual({ kind: 'number', value: 0.6 });
    expect(result.scenario.quantities['outcomes.move_cost']?.kind).toBe('formula');
  });

  it('adds keys the file left out', () => {
    const minimal = readFileSync(new URL('./fixtures/minimal.yaml', import.meta.url), 'utf8');
    const result = loadScenario(minimal, 'minimal.yaml', overrides('finance.discount_rate=0.05', 'monte_carlo.iterations=100'));
    expect(result.ok && result.scenario.quantities['finance.discount_rate']).toEqual({ kind: 'number', value: 0.05 });
    expect(result.ok && result.scenario.monteCarlo.iterations).toBe(100);
  });

  it('keeps the overrides on the scenario, so it can be loaded again elsewhere', () => {
    const applied = overrides('funding.external_share=0.5');
    const result = loadScenario(central, 'central.yaml', applied);
    expect(result.ok && result.scenario.overrides).toEqual(applied);
    const plain = loadScenario(central, 'central.yaml');
    expect(plain.ok && plain.scenario.overrides).toBeUndefined();
  });

  it('covers overrides in the hash', () => {
    const plain = loadScenario(central, 'central.yaml');
    const overridden = loadScenario(central, 'central.yaml', overrides('funding.external_share=0.9'));
    expect(plain.ok && overridden.ok && plain.scenario.hash !== overridden.scenario.hash).toBe(true);
  });

  it('reports problems in an override as --set:1:COLUMN, validated like the file', () => {
    const result = loadScenario(
      central,
      'central.yaml',
      overrides(
        'outcomes.effectiveness=1.2',
        'outcomes.efectiveness=0.3',
        'outcomes.breakdown_risk={dist: uniform, min: 0, max: 1.5}',
        'outcomes.move_cost="q + 1"',
        'service.referrals_per_year.x=1',
      ),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(formatProblem)).toEqual([
      '--set:1:1 service.referrals_per_year.x: cannot set service.referrals_per_year.x: service.referrals_per_year is a single value, so it has no key x',
      '--set:1:10 outcomes.efectiveness: unknown key `efectiveness`; did you mean `effectiveness`?',
      '--set:1:21 outcomes.move_cost: unknown name `q`; no variables are declared (add them under `variables:`)',
      '--set:1:24 outcomes.effectiveness: expected a probability between 0 and 1, got 1.2',
      '--set:1:25 outcomes.breakdown_risk: can give values above 1; expected a probability between 0 and 1 — set its max to 1 or less',
    ]);
  });

  it('keeps file problems in the file and override problems on --set', () => {
    const result = loadScenario(
      central.replace('residential_weeks: 52', 'residential_weeks: 600'),
      'central.yaml',
      overrides('outcomes.attribution=2'),
    );
    expect(!result.ok && result.problems.map(formatProblem)).toEqual([
      'central.yaml:26:22 outcomes.residential_weeks: expected a number of weeks between 0 and 520, got 600',
      '--set:1:10 outcomes.attribution: unknown key `attribution`',
    ]);
  });
});
