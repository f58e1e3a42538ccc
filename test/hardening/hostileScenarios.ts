/**
 * Hostile scenario files, each with the first problem it must be refused with (file:line:column key:
 * message). Shared by the tests of the three doors: the command line, the upload page and the API.
 */
import { readFileSync } from 'node:fs';

const CENTRAL = readFileSync(new URL('../scenario/fixtures/central.yaml', import.meta.url), 'utf8');

/** The central example with `from` replaced by `to` (which must be there). */
function central(from: string, to: string): string {
  if (!CENTRAL.includes(from)) throw new Error(`the central example has no "${from}"`);
  return CENTRAL.replace(from, to);
}

export interface HostileScenario {
  /** Also the file stem, so a lower-case scenario name. */
  name: string;
  text: string;
  /** The first problem, as "LINE:COLUMN KEY: MESSAGE" (KEY may be empty); the file name goes in front. */
  first: string;
}

/** `count` variables, one a line, indented under `variables:`. */
function variables(count: number): string {
  return Array.from({ length: count }, (_, i) => `  v${i}: ${i}`).join('\n');
}

const BOMB = [
  'a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
].join('\n');

export const HOSTILE_SCENARIOS: readonly HostileScenario[] = [
  {
    name: 'syntax-error',
    text: 'name: [1, 2\nother: 3\n',
    first: '2:1 other: YAML syntax: flow sequence in block collection must be sufficiently indented and end with a ]',
  },
  { name: 'tabs', text: 'name: x\ncontract:\n\tstart: 1\n', first: '3:1 tabs are not allowed for indentation; use spaces' },
  {
    name: 'duplicate-key',
    text: central('move_cost: 2000', 'move_cost: 2000\n  move_cost: 3000'),
    first: '30:3 outcomes.move_cost: duplicate key `move_cost`; each key may appear only once in a mapping',
  },
  {
    name: 'several-documents',
    text: `${CENTRAL}\n---\n${CENTRAL}`,
    first: '37:1 the file holds more than one YAML document (a line with ---); a scenario file holds exactly one',
  },
  { name: 'alias-bomb', text: BOMB, first: '1:1 the file expands aliases (*name) too many times; at most 100 are allowed' },
  {
    name: 'custom-tag',
    text: central('name: CLASS regional service, central case', 'name: !!js/function "function () { return process.exit(1) }"'),
    first: '3:7 name: custom tags like !!js/function are not allowed; write plain values',
  },
  {
    name: 'custom-tag-regexp',
    text: central('move_cost: 2000', 'move_cost: !!js/regexp /x/'),
    first: '29:14 outcomes.move_cost: custom tags like !!js/regexp are not allowed; write plain values',
  },
  {
    name: 'deep-nesting',
    text: `name: ${'['.repeat(25)}${']'.repeat(25)}\n`,
    first: '1:27 name.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0: the file is nested too deeply; at most 20 levels are allowed',
  },
  {
    name: 'huge',
    text: `name: "${'x'.repeat(1_000_001)}"\n`,
    first: '1:1 the file is larger than 1 MB; a scenario file is a few kilobytes',
  },
  {
    name: 'pounds-text',
    text: central('annual_value: 660546', 'annual_value: "£1,000"'),
    first: '9:17 contract.annual_value: expected an amount in pounds, 0 or more, got "£1,000"; write 1000, not "£1,000"',
  },
  {
    name: 'percent',
    text: central('referral_growth: 0.0', 'referral_growth: 10%'),
    first: '19:20 service.referral_growth: expected a rate such as 0.035 (3.5%), got "10%"; write 0.1, not 10%',
  },
  {
    name: 'yes',
    text: central('attribution: 1.0', 'attribution: yes'),
    first: '34:16 finance.attribution: expected a probability between 0 and 1, got "yes"; yes is not a number',
  },
  {
    name: 'nan',
    text: central('residential_weeks: 52', 'residential_weeks: .nan'),
    first: '26:22 outcomes.residential_weeks: expected a number of weeks between 0 and 520, got .nan; .inf and .nan are not allowed',
  },
  {
    name: 'infinity',
    text: central('annual_value: 660546', 'annual_value: .inf'),
    first: '9:17 contract.annual_value: expected an amount in pounds, 0 or more, got .inf; .inf and .nan are not allowed',
  },
  {
    name: 'probability-above-one',
    text: central('breakdown_risk: 0.25', 'breakdown_risk: 1.5'),
    first: '23:19 outcomes.breakdown_risk: expected a probability between 0 and 1, got 1.5',
  },
  {
    name: 'negative-cost',
    text: central('residential_weekly_cost: 5631', 'residential_weekly_cost: -5631'),
    first: '27:28 outcomes.residential_weekly_cost: expected an amount in pounds, 0 or more, got -5631',
  },
  {
    name: 'ends-before-start',
    text: central('base_end: 2027-03-31', 'base_end: 2024-03-31'),
    first: '8:13 contract.base_end: expected a date on or after contract.start (2025-01-03), got 2024-03-31',
  },
  {
    name: 'contract-too-long',
    text: central('base_end: 2027-03-31', 'base_end: 9999-03-31'),
    first: '8:13 contract.base_end: expected a date at most 20 years after contract.start (2025-01-03), got 9999-03-31',
  },
  {
    name: 'extensions-beyond-reason',
    text: central('max_years: 4,', 'max_years: 1000,'),
    first: '10:28 contract.extensions.max_years: expected a whole number of years from 0 to 10, got 1000',
  },
  {
    name: 'absurd-iterations',
    text: central('iterations: 10000', 'iterations: 1000000000000'),
    first: '35:28 monte_carlo.iterations: expected a whole number of iterations from 0 to 10,000,000, got 1000000000000',
  },
  {
    name: 'negative-iterations',
    text: central('iterations: 10000', 'iterations: -1'),
    first: '35:28 monte_carlo.iterations: expected a whole number of iterations from 0 to 10,000,000, got -1',
  },
  {
    name: 'money-beyond-reason',
    text: central('annual_value: 660546', 'annual_value: 1e300'),
    first: '9:17 contract.annual_value: expected an amount in pounds, 0 or more, at most 1,000,000,000, got 1e+300',
  },
  {
    name: 'children-beyond-reason',
    text: central('referrals_per_year: 60', 'referrals_per_year: 1e15'),
    first: '18:23 service.referrals_per_year: expected a number of children a year, 0 or more, at most 1,000,000, got 1000000000000000',
  },
  {
    name: 'distribution-beyond-reason',
    text: central('move_cost: 2000', 'move_cost: { dist: uniform, min: 0, max: 1e308 }'),
    first: '29:14 outcomes.move_cost: expected an amount in pounds, 0 or more, at most 1,000,000,000; its max is 1e+308',
  },
  {
    name: 'formula-property-access',
    text: central('move_cost: 2000', 'move_cost: "a.constructor"\nvariables: { a: 1 }'),
    first: '29:16 outcomes.move_cost: property access (`a.b` or `a[1]`) is not allowed in a formula',
  },
  {
    name: 'formula-import',
    text: central('move_cost: 2000', 'move_cost: "import({}, {})"'),
    first:
      '29:15 outcomes.move_cost: the function `import` is not allowed; functions are: min, max, round, floor, ceil, abs, sqrt, exp, log',
  },
  {
    name: 'formula-create-unit',
    text: central('move_cost: 2000', 'move_cost: "createUnit(\'x\')"'),
    first:
      '29:15 outcomes.move_cost: the function `createUnit` is not allowed; functions are: min, max, round, floor, ceil, abs, sqrt, exp, log',
  },
  {
    name: 'formula-evaluate',
    text: central('move_cost: 2000', 'move_cost: "evaluate(\'1+1\')"'),
    first:
      '29:15 outcomes.move_cost: the function `evaluate` is not allowed; functions are: min, max, round, floor, ceil, abs, sqrt, exp, log',
  },
  {
    name: 'formula-assignment',
    text: central('move_cost: 2000', 'move_cost: "a = 1"\nvariables: { a: 1 }'),
    first: '29:17 outcomes.move_cost: assignment (`x = ...`) is not allowed in a formula',
  },
  {
    name: 'formula-function-definition',
    text: central('move_cost: 2000', 'move_cost: "f(x) = x"'),
    first: '29:20 outcomes.move_cost: defining a function (`f(x) = ...`) is not allowed in a formula',
  },
  {
    name: 'formula-matrix',
    text: central('move_cost: 2000', 'move_cost: "[1, 2]"'),
    first: '29:15 outcomes.move_cost: matrices and lists (`[...]`) are not allowed in a formula',
  },
  {
    name: 'formula-factorial',
    text: central('move_cost: 2000', 'move_cost: "factorial(1e6)"'),
    first:
      '29:15 outcomes.move_cost: the function `factorial` is not allowed; functions are: min, max, round, floor, ceil, abs, sqrt, exp, log',
  },
  {
    name: 'formula-bang',
    text: central('move_cost: 2000', 'move_cost: "170!"'),
    first: '29:18 outcomes.move_cost: the operator `!` (factorial) is not allowed; use + - * / ^ and brackets',
  },
  {
    name: 'formula-long',
    text: central('move_cost: 2000', `move_cost: "${Array(300).fill('a').join(' + ')}"\nvariables: { a: 1 }`),
    first: '29:15 outcomes.move_cost: the formula is longer than 500 characters',
  },
  {
    name: 'formula-deep',
    text: central('move_cost: 2000', `move_cost: "${'('.repeat(60)}a${')'.repeat(60)}"\nvariables: { a: 1 }`),
    first: '29:15 outcomes.move_cost: the formula is nested more than 30 levels deep',
  },
  // Issue 13: keys JavaScript would drop or misread, refused at their line; hard limits on keys,
  // variables and the length of names, each with what to do.
  {
    name: 'proto-key',
    text: central('move_cost: 2000', 'move_cost: 2000\n  __proto__: 1'),
    first: '30:3 outcomes.__proto__: `__proto__` is not allowed as a key; it is not a scenario setting, and the tool would ignore it',
  },
  {
    name: 'constructor-key',
    text: `${CENTRAL}\nconstructor:\n  polluted: 1\n`,
    first: '37:1 constructor: `constructor` is not allowed as a key; it is not a scenario setting, and the tool would ignore it',
  },
  {
    name: 'prototype-key',
    text: central('move_cost: 2000', 'move_cost: { prototype: 1 }'),
    first:
      '29:16 outcomes.move_cost.prototype: `prototype` is not allowed as a key; it is not a scenario setting, and the tool would ignore it',
  },
  // 13,000 variables (187 kB): the 2,001st key is on line 1,985 (central.yaml has 16 keys before them).
  {
    name: 'thirteen-thousand-keys',
    text: `${CENTRAL}\nvariables:\n${variables(13_000)}\n`,
    first:
      '1985:1 the file has more than 2,000 keys and list items; a scenario has a few hundred at most, so remove unused variables or lists',
  },
  {
    name: 'too-many-variables',
    text: `${CENTRAL}\nvariables:\n${variables(201)}\n`,
    first: '38:3 variables: the file declares 201 variables; at most 200 are allowed, so remove the ones no input uses',
  },
  {
    name: 'long-name',
    text: central('name: CLASS regional service, central case', `name: ${'x'.repeat(100_000)}`),
    first: '3:7 name: expected a name for the scenario of at most 200 characters, got 100,000; shorten it',
  },
  {
    name: 'binary-junk',
    text: '\u0000\u0001\u0002PK\u0003\u0004\uFFFD\uFFFD',
    first:
      '1:1 expected a scenario: a mapping with name, contract, service and outcomes, got "\\u0000\\u0001\\u0002PK\\u0003\\u0004\uFFFD\uFFFD"',
  },
  { name: 'empty', text: '', first: '1:1 expected a scenario: a mapping with name, contract, service and outcomes, got an empty value' },
];
