/**
 * Prevented breakdowns, avoided residential placements, and their weeks spread over months
 * (shared/model.md section 5).
 */
import { lastMonthOffset, monthShare } from './placementSpread';
import { WEEKS_PER_MONTH } from './time';
import type { Inputs } from './types';

/** Share of starting children whose breakdown is prevented: risk x effectiveness x attribution. */
export function preventedPerStart(inputs: Pick<Inputs, 'breakdownRisk' | 'effectiveness' | 'attribution'>): number {
  return inputs.breakdownRisk * inputs.effectiveness * inputs.attribution;
}

/**
 * Weeks of one residential placement of `weeks` weeks, started in the middle of month 0, that fall
 * in month `offset` (0, 1, 2 ...), at 52/12 weeks a month (the spreading rule: placementSpread.ts).
 * weeksInMonthOffset(52, 0) -> 2.1667 (half a month), (52, 1) -> 4.3333, (52, 12) -> 2.1667, (52, 13) -> 0
 */
export function weeksInMonthOffset(weeks: number, offset: number): number {
  const lengthMonths = weeks / WEEKS_PER_MONTH;
  const share = monthShare(lengthMonths, lastMonthOffset(lengthMonths), offset);
  return share > 0 ? share * WEEKS_PER_MONTH : 0;
}

/** The weeks a placement of `weeks` weeks spends in each month after it starts: offsets 0..tail. */
export function weeksProfile(weeks: number): Float64Array {
  const profile: number[] = [];
  for (let offset = 0; ; offset++) {
    const w = weeksInMonthOffset(weeks, offset);
    if (w <= 0 && offset > 0) break;
    profile.push(w);
    if (w <= 0) break;
  }
  return Float64Array.from(profile);
}

/** Month-by-month outcomes of an option over the horizon. */
export interface OutcomeFlows {
  /** Breakdowns prevented among children starting each month. */
  prevented: Float64Array;
  /** Residential placements avoided, by the month the child started. */
  placementsAvoided: Float64Array;
  /** Residential weeks avoided in each month (spread over the placement's length). */
  weeksAvoided: Float64Array;
}

/** Outcomes over `horizon` months for the children starting each month (`starts`, may be shorter). */
export function projectOutcomes(
  inputs: Pick<Inputs, 'breakdownRisk' | 'effectiveness' | 'attribution' | 'residentialEscalation' | 'residentialWeeks'>,
  starts: Float64Array,
  horizon: number,
): OutcomeFlows {
  const prevented = new Float64Array(horizon);
  const placementsAvoided = new Float64Array(horizon);
  const weeksAvoided = new Float64Array(horizon);
  const perStart = preventedPerStart(inputs);
  const profile = weeksProfile(inputs.residentialWeeks);
  for (let m = 0; m < starts.length && m < horizon; m++) {
    prevented[m] = starts[m]! * perStart;
    placementsAvoided[m] = prevented[m]! * inputs.residentialEscalation;
    for (let offset = 0; offset < profile.length && m + offset < horizon; offset++) {
      weeksAvoided[m + offset] = weeksAvoided[m + offset]! + placementsAvoided[m]! * profile[offset]!;
    }
  }
  return { prevented, placementsAvoided, weeksAvoided };
}
