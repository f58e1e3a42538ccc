import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildInputs, centralValues, uncertainPaths, valuesWith, yearMonthOf } from '../../src/scenario/inputs';
import { formatProblem, loadScenario } from '../../src/scenario/load';
import type { Scenario } from '../../src/scenario/types';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function scenarioOf(text: string): Scenario {
  const result = loadScenario(text, 'x.yaml');
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.scenario;
}

const withVariables = scenarioOf(
  fixture('central.yaml')
    .replace('referrals_per_year: 60', 'referrals_per_year: "children / 3 / share"')
    .replace('residential_weekly_cost: 5631', 'residential_weekly_cost: { dist: lognormal, low: 2600, high: 10400 }')
    .concat('variables:\n  children: 157\n  share: { dist: uniform, min: 0.3, max: 0.4 }\n  fixed_one: { dist: fixed, value: 1 }\n'),
);

describe('centralValues', () => {
  it("gives each input its central value and evaluates formulas at the variables' central values", () => {
    const values = centralValues(withVariables);
    expect(values['variables.children']).toBe(157);
    expect(values['variables.share']).toBeCloseTo(0.35, 15);
    expect(values['variables.fixed_one']).toBe(1);
    expect(values['service.referrals_per_year']).toBeCloseTo(157 / 3 / 0.35, 10);
    expect(values['outcomes.effectiveness']).toBe(0.25); // pert: the mode
    expect(values['outcomes.residential_weekly_cost']).toBeCloseTo(Math.sqrt(2600 * 10400), 8); // lognormal: the median
    expect(values['finance.discount_rate']).toBe(0.035);
  });
});

describe('valuesWith', () => {
  it('carries a changed variable through the formulas that read it', () => {
    const values = valuesWith(withVariables, { 'variables.share': 0.5 });
    expect(values['variables.share']).toBe(0.5);
    expect(values['service.referrals_per_year']).toBeCloseTo(157 / 3 / 0.5, 10);
  });

  it('lets an input path win over its own formula', () => {
    expect(valuesWith(withVariables, { 'service.referrals_per_year': 40 })['service.referrals_per_year']).toBe(40);
  });

  it('throws, as a programmer error, for a path the scenario does not have', () => {
    expect(() => valuesWith(withVariables, { 'outcomes.nonsense': 1 })).toThrow(
      'valuesWith: outcomes.nonsense is not an input of this scenario',
    );
    expect(() => valuesWith(withVariables, { 'variables.nope': 1 })).toThrow('valuesWith: variables.nope is not an input of this scenario');
  });
});

describe('uncertainPaths', () => {
  it('lists variables and quantities written as distributions that vary, not formulas or fixed ones', () => {
    expect(uncertainPaths(withVariables)).toEqual(['variables.share', 'outcomes.effectiveness', 'outcomes.residential_weekly_cost']);
    expect(uncertainPaths(scenarioOf(fixture('minimal.yaml')))).toEqual([]);
  });
});

describe('buildInputs', () => {
  it('maps the section 2 example onto the model inputs', () => {
    const scenario = scenarioOf(fixture('central.yaml'));
    const inputs = buildInputs(scenario, centralValues(scenario));
    expect(inputs).toEqual({
      start: { year: 2025, month: 1 },
      baseEnd: { year: 2027, month: 3 },
      maxExtensionYears: 4,
      headlineExtensionYears: 4,
      annualValue: 660546,
      annualUplift: 0,
      costOptimismBias: 0,
      externalShare: 0.9,
      externalShareByYear: { '2027/28': 0 },
      // v1.2 defaults (shared/model.md sections 16 and 17): no schedule, councils pay, real price, no inflation.
      fundingSchedule: [],
      ifGrantFalls: 'councils_pay',
      contractPrice: 'real',
      inflation: 0,
      priceBaseYear: 0,
      discountBaseYear: 0,
      // The model's councils are the shares only; the display label stays in the scenario.
      councils: scenario.councils.map(({ name, childrenShare, matchShare }) => ({ name, childrenShare, matchShare })),
      referralsPerYear: 60,
      referralGrowth: 0,
      capacityPerMonth: 52 / 12,
      maxWaitMonths: 6,
      breakdownRisk: 0.25,
      effectiveness: 0.25,
      residentialEscalation: 0.2,
      residentialWeeks: 52,
      residentialWeeklyCost: 5631,
      alternativeWeeklyCost: 550,
      moveCost: 2000,
      cashableShare: 1,
      discountRate: 0.035,
      residentialCostGrowth: 0,
      optimismBias: 0,
      attribution: 1,
    });
  });

  it('gives capacity a month as caseload / months_per_child, and unlimited waits as Infinity', () => {
    const scenario = scenarioOf(fixture('minimal.yaml'));
    const inputs = buildInputs(scenario, centralValues(scenario));
    expect(inputs.capacityPerMonth).toBeCloseTo(30 / 7, 15);
    expect(inputs.maxWaitMonths).toBe(Infinity);
    expect(inputs.headlineExtensionYears).toBe(0);
  });

  it('throws, as a programmer error, when a value is missing', () => {
    const scenario = scenarioOf(fixture('minimal.yaml'));
    const values = centralValues(scenario);
    delete values['outcomes.effectiveness'];
    expect(() => buildInputs(scenario, values)).toThrow('buildInputs: no value for outcomes.effectiveness');
  });

  it('reads the month of a date', () => {
    expect(yearMonthOf('2025-01-03')).toEqual({ year: 2025, month: 1 });
  });
});
