/**
 * Two scenarios side by side: the inputs that differ, in words, and each option's results for
 * the region with the difference.
 */
import type { Results } from '../model/results';
import type { Scenario } from '../scenario/types';
import { decisionOf, headlineMeasure, headlineValue, measureWords, moneyBasisOf } from './decision';
import { formatChance, formatMoney, formatNumber } from './format';
import { npvEstimate, optionName, REGION } from './headline';
import { assumptionsOf } from './inputs';
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
    .map((path) => ({ label: (left.get(path) ?? right.get(path))!.label, a: left.get(path)?.text ?? none, b: right.get(path)?.text ?? none }))
    .filter((row) => row.a !== row.b);
  const extra: { label: string; a: string; b: string }[] = [];
  const contract = (s: Scenario): string => t('compare.contractWords', { start: s.contract.start, end: s.contract.baseEnd, years: s.contract.maxYears });
  if (contract(a.scenario) !== contract(b.scenario)) extra.push({ label: t('compare.contract'), a: contract(a.scenario), b: contract(b.scenario) });
  const councils = (s: Scenario): string => s.councils.map((c) => c.name).join(', ') || none;
  if (councils(a.scenario) !== councils(b.scenario)) extra.push({ label: t('compare.councils'), a: councils(a.scenario), b: councils(b.scenario) });
  const bases = [moneyBasisSentence(moneyBasisOf(a.results, a.scenario)), moneyBasisSentence(moneyBasisOf(b.results, b.scenario))];
  const moneyBasis = bases[0] === bases[1] ? [bases[0]!] : [t('compare.basisOf', { name: a.scenario.name, basis: bases[0]! }), t('compare.basisOf', { name: b.scenario.name, basis: bases[1]! })];
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
        rows.push({ label, a: va === undefined ? none : formatMoney(va), b: vb === undefined ? none : formatMoney(vb), difference: va === undefined || vb === undefined ? '' : signedMoney(vb - va) });
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
      const placements = (o: typeof oa): string => (o ? formatNumber(o.perspectives[REGION]!.totals.residentialPlacementsAvoided, 1) : none);
      const pa = oa?.perspectives[REGION]!.totals.residentialPlacementsAvoided;
      const pb = ob?.perspectives[REGION]!.totals.residentialPlacementsAvoided;
      rows.push({ label: t('compare.row.placements'), a: placements(oa), b: placements(ob), difference: pa === undefined || pb === undefined ? '' : `${pb - pa > 0 ? '+' : ''}${formatNumber(pb - pa, 1)}` });
      const chance = (o: typeof oa): string => {
        const c = o ? npvEstimate(o, REGION).chance : null;
        return c === null ? none : formatChance(c);
      };
      rows.push({ label: t('compare.row.chance'), a: chance(oa), b: chance(ob), difference: '' });
      return { name: optionName(years), rows };
    }),
  };
}
