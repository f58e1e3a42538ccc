/** The first-in-first-out waiting list: which months children start in. */
import { poisson } from '../random/sample';
import type { Rng } from '../random/rng';
import { startInArrivalOrderInPlace } from '../service';
import type { Workspace } from './workspace';

/**
 * The first-in-first-out waiting list with fractional children (as service.ts), into ws.starts.
 * Shortcuts: when capacity covers every month's referrals, everyone starts at once; when
 * referrals fill capacity every month, capacity is used in full.
 */
/** How this iteration's starts are shaped: referrals x shape, flat at capacity, or neither. */
export const enum StartsShape {
  Referrals = 0,
  Flat = 1,
  Other = 2,
}

/** Which shape the starts take, without working them out. */
export function startsShape(ws: Workspace, referralsPerMonth: number, capacity: number): StartsShape {
  if (capacity >= referralsPerMonth * ws.referralShapeMax) return StartsShape.Referrals;
  if (capacity <= referralsPerMonth * ws.referralShapeMin) return StartsShape.Flat;
  return StartsShape.Other;
}

export function fillStarts(ws: Workspace, referralsPerMonth: number, capacity: number, maxWait: number): StartsShape {
  const term = ws.longestTerm;
  const starts = ws.starts;
  const shape = ws.referralShape;
  const kind = startsShape(ws, referralsPerMonth, capacity);
  if (kind === StartsShape.Referrals) {
    for (let m = 0; m < term; m++) starts[m] = referralsPerMonth * shape[m]!;
    return kind;
  }
  if (kind === StartsShape.Flat) {
    starts.fill(capacity);
    return kind;
  }
  const waiting = ws.waiting;
  waiting.fill(0);
  let oldest = 0;
  for (let m = 0; m < term; m++) {
    waiting[m] = referralsPerMonth * shape[m]!;
    starts[m] = startInArrivalOrderInPlace(waiting, oldest, m, capacity);
    while (oldest <= m && oldest + maxWait <= m) waiting[oldest++] = 0;
  }
  return StartsShape.Other;
}

/** The waiting list with whole children and Poisson referrals (process variability). */
export function fillStartsWithChance(ws: Workspace, rng: Rng, referralsPerMonth: number, capacity: number, maxWait: number): void {
  const term = ws.longestTerm;
  const waiting = ws.waiting;
  waiting.fill(0);
  let oldest = 0;
  let credit = 0;
  for (let m = 0; m < term; m++) {
    waiting[m] = poisson(rng, referralsPerMonth * ws.referralShape[m]!);
    // Capacity in whole children: the fractional part of a month's capacity carries over.
    credit += capacity;
    const whole = Math.floor(credit);
    credit -= whole;
    ws.starts[m] = startInArrivalOrderInPlace(waiting, oldest, m, whole);
    while (oldest <= m && oldest + maxWait <= m) waiting[oldest++] = 0;
  }
}
