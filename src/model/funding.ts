/**
 * Who pays for each month of the contract, and whether the contract outlives its grant
 * (shared/model.md sections 7 and 16; docs/model.md "Funding by date").
 */
import { externalShareInYear } from './money';
import { fixedTermMonths, type Timeline } from './time';
import type { FundingEntry, Inputs } from './types';

/** How far below the fixed term's last share a later share must be for the grant to have fallen. */
export const GRANT_FALL_TOLERANCE = 1e-9;

/**
 * The external (grant) share of one month: the first schedule entry that covers it, else
 * funding.external_share; without a schedule, external_share_by_year for the month's financial year.
 * externalShareInMonth({ fundingSchedule: [{ fromMonth: 0, toMonth: 11, externalShare: 1 }], externalShare: 0.9, ... }, 12, '2025/26') -> 0.9
 */
export function externalShareInMonth(
  inputs: Pick<Inputs, 'externalShare' | 'externalShareByYear' | 'fundingSchedule'>,
  month: number,
  yearLabel: string,
): number {
  if (inputs.fundingSchedule.length === 0) return externalShareInYear(inputs, yearLabel);
  return scheduledShare(inputs.fundingSchedule, inputs.externalShare, month);
}

/** The share the first entry covering `month` gives, or `otherwise`. */
export function scheduledShare(schedule: readonly FundingEntry[], otherwise: number, month: number): number {
  for (const entry of schedule) if (month >= entry.fromMonth && month <= entry.toMonth) return entry.externalShare;
  return otherwise;
}

/**
 * The external share of every month of a timeline, into `into` (a new array when not given).
 * Without a schedule the share steps by financial year (external_share_by_year).
 */
export function externalShareByMonth(
  inputs: Pick<Inputs, 'externalShare' | 'externalShareByYear' | 'fundingSchedule'>,
  timeline: Pick<Timeline, 'months' | 'yearOfMonth' | 'yearLabels'>,
  into: Float64Array = new Float64Array(timeline.months),
): Float64Array {
  if (inputs.fundingSchedule.length === 0) {
    const byYear = timeline.yearLabels.map((label) => externalShareInYear(inputs, label));
    for (let n = 0; n < into.length; n++) into[n] = byYear[timeline.yearOfMonth[n]!]!;
  } else {
    for (let n = 0; n < into.length; n++) into[n] = scheduledShare(inputs.fundingSchedule, inputs.externalShare, n);
  }
  return into;
}

/**
 * The month the contract stops being bought (section 16), or `longestTerm` when it never does early:
 * with if_grant_falls contract_ends, the first month after the fixed term whose external share is
 * below the fixed term's last month's by more than 1e-9. Fixed-term months are always bought.
 * With councils_pay the contract runs its full term. Every option ends at min(its term, this month).
 * contractEndMonth({ ifGrantFalls: 'contract_ends', ... 27-month fixed term }, shares 0.9 to month 26 then 0, 75) -> 27
 */
export function contractEndMonth(
  inputs: Pick<Inputs, 'ifGrantFalls' | 'start' | 'baseEnd'>,
  sharesByMonth: ArrayLike<number>,
  longestTerm: number,
): number {
  if (inputs.ifGrantFalls !== 'contract_ends') return longestTerm;
  const fixedTerm = fixedTermMonths(inputs);
  const reference = sharesByMonth[fixedTerm - 1]!;
  for (let t = fixedTerm; t < longestTerm; t++) if (sharesByMonth[t]! < reference - GRANT_FALL_TOLERANCE) return t;
  return longestTerm;
}
