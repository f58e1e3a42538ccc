/**
 * The parts of the results the decision pages read (shared/model.md sections 17-18): the decision
 * per perspective, the cash budget tables, the money basis, the headline perspective and the
 * truncation notes, each read once here with a safe default, and the ONE headline measure every
 * sentence uses: the Monte Carlo mean when Monte Carlo ran ("on average across the simulations"),
 * else the figure at the central values ("at the central values").
 */
import { bestOf, centralFigure } from '../model/decision';
import type {
  DecisionFigure,
  DecisionOption,
  MoneyBasis,
  OptionBudget,
  OptionResult,
  PerspectiveDecision,
  Results,
  TruncatedInput,
} from '../model/results';
import type { Scenario } from '../scenario/types';
import { t } from './messages';

export const REGION = 'region';

/** Which figure a sentence gives: the mean of the simulations, or the figure at the central values. */
export type HeadlineMeasure = 'mean' | 'central';

/** 'mean' when every option was simulated (and the results' decision, if any, has its means), else 'central'. */
export function headlineMeasure(results: Results): HeadlineMeasure {
  const simulated = results.options.length > 0 && results.options.every((o) => o.monteCarlo !== undefined);
  const first = results.decision === undefined ? undefined : Object.values(results.decision)[0];
  const decisionMeans = first === undefined || first.options.every((o) => o.incrementalNpv.mean !== null);
  return simulated && decisionMeans ? 'mean' : 'central';
}

/**
 * The measure's name as every sentence says it.
 * @example measureWords('mean') // "on average across the simulations"
 */
export function measureWords(measure: HeadlineMeasure): string {
  return t(measure === 'mean' ? 'measure.mean' : 'measure.central');
}

/** The headline figure of a decision figure: its mean with Monte Carlo, else its central value. */
export function headlineValue(figure: DecisionFigure, measure: HeadlineMeasure): number {
  return measure === 'mean' && figure.mean !== null ? figure.mean : figure.central;
}

/** A perspective's NPV for one option under the headline measure. */
export function npvOf(option: OptionResult, perspective: string, measure: HeadlineMeasure): number {
  const simulated = option.monteCarlo?.perspectives[perspective];
  return measure === 'mean' && simulated !== undefined ? simulated.npv.mean : option.perspectives[perspective]!.totals.npv;
}

/** A figure at the central values with, when Monte Carlo ran, its mean; no spread or chance. */
function figure(central: number, mean: number | null): DecisionFigure {
  return { ...centralFigure(central), mean };
}

/**
 * The best option by the model's rule (src/model/decision.ts bestOf, shared/model.md section 18:
 * the highest, ties within £0.01 to the fewest extension years), as its extension years.
 */
function bestOption(options: readonly OptionResult[], value: (option: OptionResult) => number): number {
  const byYears = [...options].sort((a, b) => a.extensionYears - b.extensionYears);
  return byYears[bestOf(byYears.map(value))]!.extensionYears;
}

/**
 * The decision of one perspective worked out from the options alone, for results made before the
 * model gave `decision` (section 18): increments and margins of the central and mean NPV and net
 * cash (means are linear, so the increment of the means is the mean of the increments), the best
 * option by the model's rule; no percentiles, chances or break-even prices.
 */
function derivedDecision(results: Results, perspective: string): PerspectiveDecision {
  const options = results.options;
  const base = options[0]!;
  const centralNpv = (o: OptionResult): number => o.perspectives[perspective]!.totals.npv;
  const centralCash = (o: OptionResult): number => o.perspectives[perspective]!.totals.netSaving;
  const meanNpv = (o: OptionResult): number | null => o.monteCarlo?.perspectives[perspective]?.npv.mean ?? null;
  const meanCash = (o: OptionResult): number | null => o.monteCarlo?.perspectives[perspective]?.netSaving.mean ?? null;
  const less = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a - b);
  const decisionOptions: DecisionOption[] = options.map((option, k) => ({
    extensionYears: option.extensionYears,
    incrementalNpv: figure(centralNpv(option) - centralNpv(base), less(meanNpv(option), meanNpv(base))),
    incrementalNetCash: figure(centralCash(option) - centralCash(base), less(meanCash(option), meanCash(base))),
    marginalNpv: k === 0 ? null : figure(centralNpv(option) - centralNpv(options[k - 1]!), less(meanNpv(option), meanNpv(options[k - 1]!))),
    probabilityBest: null,
    probabilityBestSem: null,
    expectedLoss: null,
    expectedLossSem: null,
    breakEvenAnnualPrice: null,
    breakEvenAnnualPriceCentral: null,
    probabilityEndedEarly: null,
  }));
  const bestOptionCentral = bestOption(options, centralNpv);
  const simulated = options.every((o) => meanNpv(o) !== null);
  return {
    bestOption: simulated ? bestOption(options, (o) => meanNpv(o)!) : bestOptionCentral,
    bestOptionCentral,
    options: decisionOptions,
  };
}

/** The perspectives of a run, the region first: "region", then each council. */
export function perspectivesOf(results: Results): string[] {
  return Object.keys(results.options[0]?.perspectives ?? {});
}

/**
 * The decision of every perspective: the results' own `decision` (section 18), or, for results
 * without it, one worked out from the options (see derivedDecision).
 */
export function decisionOf(results: Results, which: 'decision' | 'updatedDecision' = 'decision'): Record<string, PerspectiveDecision> {
  const given = results[which];
  if (given !== undefined && Object.keys(given).length > 0) return given;
  if (which === 'updatedDecision') return {};
  return Object.fromEntries(perspectivesOf(results).map((p) => [p, derivedDecision(results, p)]));
}

/** The cash budget tables by perspective (section 18), or null for results without them. */
export function budgetOf(results: Results): Record<string, OptionBudget[]> | null {
  const budget = results.budget;
  return budget !== undefined && Object.keys(budget).length > 0 ? budget : null;
}

/** One option's budget for one perspective, or null. */
export function optionBudget(results: Results, perspective: string, extensionYears: number): OptionBudget | null {
  return budgetOf(results)?.[perspective]?.find((b) => b.extensionYears === extensionYears) ?? null;
}

/**
 * How money is counted (section 17): the results' `moneyBasis`, or for results without it the
 * v1.1 fields (price base, discount rate) with no inflation and the scenario's contract price.
 */
export function moneyBasisOf(results: Results, scenario: Pick<Scenario, 'contractPrice' | 'discountBaseYear'>): MoneyBasis {
  const given = results.moneyBasis;
  if (given !== undefined) return given;
  const priceBase = results.priceBase ?? '';
  return {
    priceBase,
    inflation: 0,
    contractPrice: scenario.contractPrice ?? 'real',
    discountRate: results.discountRate ?? 0,
    discountBaseYear: scenario.discountBaseYear ?? priceBase,
  };
}

/** The perspective pages lead with: the results' `headlinePerspective`, the scenario's `decision.perspective`, or the region. */
export function headlinePerspectiveOf(results: Results, scenario: Pick<Scenario, 'decision'>): string {
  const perspectives = perspectivesOf(results);
  const named = results.headlinePerspective ?? scenario.decision?.perspective;
  return named !== undefined && perspectives.includes(named) ? named : REGION;
}

/** The results' truncation notes (section 10): each input drawn truncated at a sanity limit, and the chance a draw lies beyond it. */
export function truncationsOf(results: Results): TruncatedInput[] {
  return results.truncations ?? [];
}
