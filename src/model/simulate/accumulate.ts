/** Accumulating a draw's avoided cash by financial year for the fan chart. */
import { WEEKS_PER_MONTH } from '../time';
import type { Workspace } from './workspace';

/**
 * Adds one placement's avoided residential cash, by financial year, to the fan accumulators (the
 * cashable part x cashable_share into the second).
 */
export function addFanCohort(ws: Workspace, firstOption: number, m: number, lengthMonths: number, valuePerWeek: number, cashableShare: number, years: number): void {
  const year = ws.layout.timeline.yearOfMonth;
  const row = firstOption * years;
  const acc = ws.fanAccumulator;
  const cashable = ws.fanCashableAccumulator;
  if (valuePerWeek === 0) return;
  if (lengthMonths <= 0.5) {
    const value = valuePerWeek * lengthMonths * WEEKS_PER_MONTH * ws.cashGrowth[m]!;
    acc[row + year[m]!]! += value;
    cashable[row + year[m]!]! += value * cashableShare;
    return;
  }
  const last = Math.ceil(0.5 + lengthMonths) - 1;
  for (let j = 0; j <= last; j++) {
    const share = j === 0 ? 0.5 : j === last ? 0.5 + lengthMonths - last : 1;
    const value = valuePerWeek * share * WEEKS_PER_MONTH * ws.cashGrowth[m + j]!;
    acc[row + year[m + j]!]! += value;
    cashable[row + year[m + j]!]! += value * cashableShare;
  }
}
