/**
 * Referrals, capacity and the first-in-first-out waiting list (shared/model.md section 4).
 * Numbers are fractional: this is the deterministic run.
 */
import type { Inputs } from './types';

/** Month-by-month flows of children through the service, for one option's term. */
export interface ServiceFlows {
  /** Referrals in each month of the term. */
  referrals: Float64Array;
  /** Children starting in each month. */
  starts: Float64Array;
  /** Children leaving the list unserved at the end of each month. */
  turnedAway: Float64Array;
  /** Children still waiting when the term ends. */
  waitingAtEnd: number;
}

/** referrals(m) = referrals_per_year / 12 x (1 + growth)^(m / 12). */
export function referralsInMonth(inputs: Pick<Inputs, 'referralsPerYear' | 'referralGrowth'>, month: number): number {
  return (inputs.referralsPerYear / 12) * Math.pow(1 + inputs.referralGrowth, month / 12);
}

/**
 * Starts up to `capacity` children in month m, longest-waiting first: takes them from
 * waiting[oldest..m] (children by month of referral), which it changes; returns how many started.
 * startInArrivalOrderInPlace([2, 5], 0, 1, 3) -> 3, leaving [0, 4]
 */
export function startInArrivalOrderInPlace(waiting: Float64Array, oldest: number, m: number, capacity: number): number {
  let left = capacity;
  let started = 0;
  for (let a = oldest; a <= m && left > 0; a++) {
    const served = Math.min(left, waiting[a]!);
    waiting[a] = waiting[a]! - served;
    started += served;
    left -= served;
  }
  return started;
}

/**
 * The waiting list over `term` months: each month the longest-waiting children start first,
 * then that month's referrals, up to capacity; a child referred in month a who is still waiting
 * at the end of month a + max_wait_months leaves unserved.
 * Example: 60 referrals a year, 48 starts a year, unlimited wait, 12 months -> starts 4 a month,
 * waiting at end 12.
 */
export function simulateService(
  inputs: Pick<Inputs, 'referralsPerYear' | 'referralGrowth' | 'capacityPerMonth' | 'maxWaitMonths'>,
  term: number,
): ServiceFlows {
  const referrals = new Float64Array(term);
  const starts = new Float64Array(term);
  const turnedAway = new Float64Array(term);
  // waiting[a]: children referred in month a still waiting.
  const waiting = new Float64Array(term);
  let oldest = 0;
  for (let m = 0; m < term; m++) {
    referrals[m] = referralsInMonth(inputs, m);
    waiting[m] = referrals[m]!;
    starts[m] = startInArrivalOrderInPlace(waiting, oldest, m, inputs.capacityPerMonth);
    // Leave the list at the end of month a + max_wait_months.
    while (oldest <= m && oldest + inputs.maxWaitMonths <= m) {
      turnedAway[m] = turnedAway[m]! + waiting[oldest]!;
      waiting[oldest] = 0;
      oldest++;
    }
  }
  let waitingAtEnd = 0;
  for (let a = oldest; a < term; a++) waitingAtEnd += waiting[a]!;
  return { referrals, starts, turnedAway, waitingAtEnd };
}
