/**
 * Inputs drawn truncated at their sanity limit (shared/model.md section 10): a distribution whose
 * far tail passes a key's limit (520 weeks, GBP 1bn, 1,000,000 children) is accepted and drawn
 * conditional on being within it. The output notes the truncation when it can matter.
 */
import { upperTailProbability } from '../model/random/quantile';
import type { TruncatedInput } from '../model/results';
import type { Scenario } from './types';

/** The output notes a truncation when more than this share of the untruncated draws lies beyond the limit. */
export const TRUNCATION_NOTE_THRESHOLD = 1e-6;

/** An input drawn truncated: its path, the limit, and P(value > limit) of the distribution as written. */
export type Truncated = TruncatedInput;

/**
 * Every input drawn truncated at a sanity limit, with the probability the untruncated
 * distribution gives beyond it. Inputs whose probability is at most TRUNCATION_NOTE_THRESHOLD
 * are left out unless `all` is true: the truncation cannot matter for them.
 * truncationsOf(scenario with residential_weeks { dist: lognormal, low: 26, high: 104 })
 *   -> [] (P = 2.3e-8); with low: 26, high: 400 -> [{ input: 'outcomes.residential_weeks', limit: 520, probabilityBeyond: 0.02496 }]
 */
export function truncationsOf(scenario: Pick<Scenario, 'quantities'>, all = false): Truncated[] {
  const found: Truncated[] = [];
  for (const [input, quantity] of Object.entries(scenario.quantities)) {
    if (quantity.kind !== 'distribution' || quantity.distribution.upper === undefined) continue;
    const limit = quantity.distribution.upper;
    const probabilityBeyond = upperTailProbability(quantity.distribution, limit);
    if (all || probabilityBeyond > TRUNCATION_NOTE_THRESHOLD) found.push({ input, limit, probabilityBeyond });
  }
  return found;
}
