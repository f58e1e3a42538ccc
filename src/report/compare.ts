/**
 * Two scenarios side by side: the inputs that differ, in words, and each option's results for
 * the region with the difference.
 */
import type { Results } from '../model/results';
import type { Scenario } from '../scenario/types';
import type { ChartTable } from './charts';
import { decisionOf, headlineMeasure, headlineValue, measureWords, moneyBasisOf, optionBudget, perspectivesOf } from './decision';
import { formatChance, formatMoney, formatNumber, trueMinus } from './format';
import { npvEstimate, optionName, REGION } from './headline';
import { assumptionsOf, inputLabel, listInWords } from './inputs';
import { localText } from './localText';
import { t } from './messages';
import { moneyBasisSentence } from './moneyBasis';

export interface Comparison {
  inputs: { label: string; a: string; b: string }[];
  sameInputs: number;
  options: { name: string; rows: { label: string; a: string; b: string; difference: string }[] }[];
  /** The money basis once when the two share it, else each scenario's, named. */
  moneyBasis: string[];
}

function signedMoney(pounds: number): string {
  return pounds > 0 ? `+${formatMoney(pounds)}` : formatMoney(pounds);
}

export function compareScenarios(a: { scenario: Scenario; results: Results }, b: { scenario: Scenario; results: Results }): Comparison {
  const left = new Map(assumptionsOf(a.scenario).map((x) => [x.path, x]));
  const right = new Map(assumptionsOf(b.scenario).map((x) => [x.path, x]));
  const paths = [...new Set([...left.keys(), ...right.keys()])];
  const none = t('compare.notInScenario');
  const inputs = paths
    .map((path) => ({
      label: (left.get(path) ?? right.get(path))!.label,
      a: left.get(path)?.text ?? none,
      b: right.get(path)?.text ?? none,
    }))
    .filter((row) => row.a !== row.b);
  const extra: { label: string; a: string; b: string }[] = [];
  const contract = (s: Scenario): string =>
    t('compare.contractWords', { start: s.contract.start, end: s.contract.baseEnd, years: s.contract.maxYears });
  if (contract(a.scenario) !== contract(b.scenario))
    extra.push({ label: t('compare.contract'), a: contract(a.scenario), b: contract(b.scenario) });
  // Compared by key (a label in Welsh in one file only is no difference), shown by label.
  const councilKeys = (s: Scenario): string => s.councils.map((c) => c.name).join('\n');
  const councils = (s: Scenario): string => s.councils.map((c) => localText(c.label)).join(', ') || none;
  if (councilKeys(a.scenario) !== councilKeys(b.scenario))
    extra.push({ label: t('compare.councils'), a: councils(a.scenario), b: councils(b.scenario) });
  const bases = [moneyBasisSentence(moneyBasisOf(a.results, a.scenario)), moneyBasisSentence(moneyBasisOf(b.results, b.scenario))];
  const moneyBasis =
    bases[0] === bases[1]
      ? [bases[0]!]
      : [
          t('compare.basisOf', { name: localText(a.scenario.name), basis: bases[0]! }),
          t('compare.basisOf', { name: localText(b.scenario.name), basis: bases[1]! }),
        ];
  const increments = [a, b].map((x) => ({ decision: decisionOf(x.results)[REGION], measure: headlineMeasure(x.results) }));
  const sameMeasure = increments[0]!.measure === increments[1]!.measure;
  const years = [...new Set([...a.results.options, ...b.results.options].map((o) => o.extensionYears))].sort((x, y) => x - y);
  return {
    inputs: [...extra, ...inputs],
    sameInputs: paths.length - inputs.length,
    moneyBasis,
    options: years.map((years) => {
      const oa = a.results.options.find((o) => o.extensionYears === years);
      const ob = b.results.options.find((o) => o.extensionYears === years);
      const rows: Comparison['options'][number]['rows'] = [];
      const money = (label: string, get: (o: NonNullable<typeof oa>) => number): void => {
        const va = oa ? get(oa) : undefined;
        const vb = ob ? get(ob) : undefined;
        rows.push({
          label,
          a: va === undefined ? none : formatMoney(va),
          b: vb === undefined ? none : formatMoney(vb),
          difference: va === undefined || vb === undefined ? '' : signedMoney(vb - va),
        });
      };
      if (sameMeasure && years > 0) {
        const adds = (i: 0 | 1): number | undefined => {
          const option = increments[i]!.decision?.options.find((o) => o.extensionYears === years);
          return option === undefined ? undefined : headlineValue(option.incrementalNpv, increments[i]!.measure);
        };
        const [va, vb] = [adds(0), adds(1)];
        rows.push({
          label: t('compare.row.adds', { measure: measureWords(increments[0]!.measure) }),
          a: va === undefined ? none : formatMoney(va),
          b: vb === undefined ? none : formatMoney(vb),
          difference: va === undefined || vb === undefined ? '' : signedMoney(vb - va),
        });
      }
      money(t('compare.row.npv'), (o) => npvEstimate(o, REGION).npv);
      money(t('compare.row.netSaving'), (o) => o.perspectives[REGION]!.totals.netSaving);
      money(t('compare.row.contractCost'), (o) => o.perspectives[REGION]!.totals.contractCost);
      const placements = (o: typeof oa): string =>
        o ? formatNumber(o.perspectives[REGION]!.totals.residentialPlacementsAvoided, 1) : none;
      const pa = oa?.perspectives[REGION]!.totals.residentialPlacementsAvoided;
      const pb = ob?.perspectives[REGION]!.totals.residentialPlacementsAvoided;
      rows.push({
        label: t('compare.row.placements'),
        a: placements(oa),
        b: placements(ob),
        difference: pa === undefined || pb === undefined ? '' : `${pb - pa > 0 ? '+' : ''}${formatNumber(pb - pa, 1)}`,
      });
      const chance = (o: typeof oa): string => {
        const c = o ? npvEstimate(o, REGION).chance : null;
        return c === null ? none : formatChance(c);
      };
      rows.push({ label: t('compare.row.chance'), a: chance(oa), b: chance(ob), difference: '' });
      return { name: optionName(years), rows };
    }),
  };
}

/** The YAML flow value of a quantity, to set it in another scenario (a bridge step); null for a formula that cannot be moved. */
export function quantityText(quantity: Scenario['quantities'][string]): string | null {
  if (quantity.kind === 'number') return String(quantity.value);
  if (quantity.kind === 'distribution') return JSON.stringify(quantity.distribution);
  const text = (quantity.formula as { text?: unknown }).text;
  return typeof text === 'string' ? JSON.stringify(text) : null;
}

/**
 * The bridge's steps: each quantity that differs between the two scenarios, in a fixed order (the
 * order of `a`'s inputs, then inputs only `b` has), as the change that gives `a` `b`'s value.
 */
export function bridgeSteps(a: Scenario, b: Scenario): { path: string; label: string; change: string }[] {
  const paths = [...new Set([...Object.keys(a.quantities), ...Object.keys(b.quantities)])];
  return paths.flatMap((path) => {
    const qa = a.quantities[path];
    const qb = b.quantities[path];
    if (qb === undefined) return [];
    const tb = quantityText(qb);
    if (tb === null || (qa !== undefined && quantityText(qa) === tb)) return [];
    return [{ path, label: inputLabel(path, b.councils, b.fundingSchedule ?? []), change: `${path}=${tb}` }];
  });
}

export interface SideBySide {
  decision: ChartTable;
  funding: ChartTable | null;
}

/** What option k adds for the region in the headline measure, or null. */
export function regionAdds(results: Results, extensionYears: number): number | null {
  const option = decisionOf(results)[REGION]?.options.find((o) => o.extensionYears === extensionYears);
  return option === undefined ? null : headlineValue(option.incrementalNpv, headlineMeasure(results));
}

/**
 * The decision of each perspective side by side (best option, what the focus option adds, its own
 * cash budget effect where the model gives it), and the grant paid by financial year for the focus option.
 */
export function sideBySide(
  a: { scenario: Scenario; results: Results },
  b: { scenario: Scenario; results: Results },
  names: { a: string; b: string },
): SideBySide {
  const focus =
    Math.max(0, Math.min(a.scenario.contract.take, b.scenario.contract.take)) ||
    Math.min(a.scenario.contract.maxYears, b.scenario.contract.maxYears);
  const perspectives = [...new Set([...perspectivesOf(a.results), ...perspectivesOf(b.results)])];
  const none = t('compare.notInScenario');
  const cell = (side: { results: Results }, perspective: string): [string, string, string] => {
    const d = decisionOf(side.results)[perspective];
    if (d === undefined) return [none, none, none];
    const option = d.options.find((o) => o.extensionYears === focus);
    const measure = headlineMeasure(side.results);
    const budget = option?.incrementalNetBudgetEffect;
    return [
      optionName(d.bestOption),
      option === undefined ? none : trueMinus(formatMoney(headlineValue(option.incrementalNpv, measure))),
      budget === undefined || budget === null
        ? none
        : trueMinus(formatMoney(measure === 'mean' && budget.mean !== null ? budget.mean : budget.central)),
    ];
  };
  const decision: ChartTable = {
    caption: t('compare.side.caption', { option: optionName(focus).toLowerCase() }),
    head: [
      t('compare.side.who'),
      t('compare.side.best', { name: names.a }),
      t('compare.side.best', { name: names.b }),
      t('compare.side.adds', { name: names.a }),
      t('compare.side.adds', { name: names.b }),
      t('compare.side.budget', { name: names.a }),
      t('compare.side.budget', { name: names.b }),
    ],
    rows: perspectives.map((p) => {
      const [ba, aa, ca] = cell(a, p);
      const [bb, ab, cb] = cell(b, p);
      return [p === REGION ? t('perspective.region') : p, ba, bb, aa, ab, ca, cb];
    }),
  };
  const grantOf = (side: { results: Results }): Map<string, number> =>
    new Map((optionBudget(side.results, REGION, focus)?.byFinancialYear ?? []).map((y) => [y.year, y.externalFunding]));
  const [ga, gb] = [grantOf(a), grantOf(b)];
  const years = [...new Set([...ga.keys(), ...gb.keys()])].sort();
  const funding: ChartTable | null =
    years.length === 0
      ? null
      : {
          caption: t('compare.funding.caption', { option: optionName(focus).toLowerCase() }),
          head: [t('chart.head.year'), names.a, names.b, t('compare.difference')],
          rows: years.map((year) => {
            const [va, vb] = [ga.get(year), gb.get(year)];
            return [
              year,
              va === undefined ? none : formatMoney(va),
              vb === undefined ? none : formatMoney(vb),
              va === undefined || vb === undefined ? '' : trueMinus(signedMoney(vb - va)),
            ];
          }),
        };
  return { decision, funding };
}

/**
 * The bridge as a table: from what `a`'s focus option adds for the region, each step's move, to
 * `b`'s; what the steps leave unexplained (contract, councils, anything not a quantity) in a last row.
 */
export function bridgeTable(
  start: number,
  steps: { label: string; value: number | null }[],
  end: number,
  names: { a: string; b: string },
  option: string,
): ChartTable {
  const rows: string[][] = [[t('compare.bridge.start', { name: names.a }), '', trueMinus(formatMoney(start))]];
  let previous = start;
  for (const step of steps) {
    if (step.value === null) continue;
    rows.push([step.label, trueMinus(signedMoney(step.value - previous)), trueMinus(formatMoney(step.value))]);
    previous = step.value;
  }
  if (Math.abs(end - previous) >= 0.5)
    rows.push([t('compare.bridge.rest'), trueMinus(signedMoney(end - previous)), trueMinus(formatMoney(end))]);
  rows.push([t('compare.bridge.end', { name: names.b }), trueMinus(signedMoney(end - start)), trueMinus(formatMoney(end))]);
  return {
    caption: t('compare.bridge.caption', { a: names.a, b: names.b, option }),
    head: [t('compare.bridge.head.step'), t('compare.bridge.head.moves'), t('compare.bridge.head.after')],
    rows,
  };
}

/**
 * A scenario's name in the comparison; a what-if (changes on top of the file) says so and names
 * the inputs it changed in words, so both sides of the same file can be told apart.
 * @example compareLabel(central, []) // "CLASS regional service, central case"
 * @example compareLabel(central, [effectiveness]) // "What if: CLASS regional service, central case, with share of those breakdowns the service prevents changed"
 */
export function compareLabel(scenario: Scenario, paths: readonly (readonly string[])[]): string {
  if (paths.length === 0) return localText(scenario.name);
  const labels = [...new Set(paths.map((path) => inputLabel(path.join('.'), scenario.councils)))].map(
    (label) => label.charAt(0).toLowerCase() + label.slice(1),
  );
  return t('compare.whatIf', { name: localText(scenario.name), changes: listInWords(labels, t('compare.and')) });
}
