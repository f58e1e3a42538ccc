/**
 * The v1.2 sections of the results (shared/model.md sections 17-18) with their types: the money
 * basis, the decision of each perspective (and after a monitoring update), the cash budget tables,
 * the decision map and the truncated draws. The table, CSV and workbook read them through here.
 */
import type { DecisionMap, MoneyBasis, OptionBudget, PerspectiveDecision, Results } from '../model/results';

/** A sanity limit that cut some draws (end of section 10). */
export interface Truncation {
  input: string;
  limit: number;
  probabilityBeyond: number;
}

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
  truncations: Truncation[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The v1.2 sections, or null for results made before them (no `decision` or `moneyBasis`).
 * @example decisionSections(results)?.decision.region.bestOption // 2
 */
export function decisionSections(results: Results): DecisionSections | null {
  const r = results as Record<string, unknown>;
  if (!isRecord(r.decision) || !isRecord(r.moneyBasis) || !isRecord(r.budget)) return null;
  const headline = typeof r.headlineExtensionYears === 'number' ? r.headlineExtensionYears : (results.options.at(-1)?.extensionYears ?? 0);
  return {
    moneyBasis: r.moneyBasis as unknown as MoneyBasis,
    decision: r.decision as unknown as Record<string, PerspectiveDecision>,
    updatedDecision: isRecord(r.updatedDecision) ? (r.updatedDecision as unknown as Record<string, PerspectiveDecision>) : undefined,
    budget: r.budget as unknown as Record<string, OptionBudget[]>,
    decisionMap: isRecord(r.decisionMap) ? (r.decisionMap as unknown as DecisionMap) : null,
    headlinePerspective: typeof r.headlinePerspective === 'string' ? r.headlinePerspective : 'region',
    headlineExtensionYears: headline,
    truncations: Array.isArray(r.truncations) ? (r.truncations as Truncation[]) : [],
  };
}

/** Whether Monte Carlo figures are in a decision (the mean of option 0's increment is set). */
export function decisionSimulated(decision: Record<string, PerspectiveDecision>): boolean {
  const first = Object.values(decision)[0];
  return first?.options[0]?.incrementalNpv.mean !== null && first?.options[0]?.incrementalNpv.mean !== undefined;
}
