/**
 * The v1.2 sections of the results (shared/model.md sections 17-18) with their types: the money
 * basis, the decision of each perspective (and after a monitoring update), the cash budget tables,
 * the decision map and the truncated draws. The table, CSV and workbook read them through here.
 */
import type { DecisionMap, MoneyBasis, OptionBudget, PerspectiveDecision, Results, TruncatedInput } from '../model/results';

export interface DecisionSections {
  moneyBasis: MoneyBasis;
  /** By perspective: region first, then the councils. */
  decision: Record<string, PerspectiveDecision>;
  /** The decision on the weighted draws, after a monitoring update. */
  updatedDecision?: Record<string, PerspectiveDecision>;
  budget: Record<string, OptionBudget[]>;
  decisionMap: DecisionMap | null;
  headlinePerspective: string;
  /** The extension years of the scenario's headline option (contract.take). */
  headlineExtensionYears: number;
  truncations: TruncatedInput[];
}

/**
 * The v1.2 sections, or null for results made before them (no `decision`, `moneyBasis` or `budget`).
 * @example decisionSections(results)?.decision.region.bestOption // 2
 */
export function decisionSections(results: Results): DecisionSections | null {
  const { decision, moneyBasis, budget } = results;
  if (!decision || !moneyBasis || !budget) return null;
  return {
    moneyBasis,
    decision,
    updatedDecision: results.updatedDecision,
    budget,
    decisionMap: results.decisionMap ?? null,
    headlinePerspective: results.headlinePerspective ?? 'region',
    headlineExtensionYears: results.headlineExtensionYears ?? results.options.at(-1)?.extensionYears ?? 0,
    truncations: results.truncations ?? [],
  };
}

/** Whether Monte Carlo figures are in a decision (the mean of option 0's increment is set). */
export function decisionSimulated(decision: Record<string, PerspectiveDecision>): boolean {
  const first = Object.values(decision)[0];
  return first?.options[0]?.incrementalNpv.mean !== null && first?.options[0]?.incrementalNpv.mean !== undefined;
}
