/**
 * Break-even figures (shared/model.md section 8): the placements an option must avoid to pay for
 * itself, and the switching value of an input, where NPV crosses zero.
 */

/**
 * Residential placements an option must avoid for its avoided cost to equal its contract cost in
 * present value, scaling all its outcomes in proportion: placements x PV cost / PV avoided cost.
 * placementsNeeded(3, 300_000, 450_000) -> 2. Null when the option avoids nothing.
 */
export function placementsNeeded(placementsAvoided: number, avoidedCostPV: number, contractCostPV: number): number | null {
  if (!(placementsAvoided > 0) || !(avoidedCostPV > 0)) return null;
  return (placementsAvoided * contractCostPV) / avoidedCostPV;
}

/** Where to look for a switching value: the input's allowed range and its central value. */
export interface SearchRange {
  min: number;
  max: number;
  central: number;
}

const GRID_POINTS = 200;

/** The points of a search grid: linear over the range, always including the central value. */
function searchGrid(range: SearchRange): number[] {
  const points = new Set<number>([range.central]);
  for (let i = 0; i <= GRID_POINTS; i++) points.add(range.min + ((range.max - range.min) * i) / GRID_POINTS);
  return [...points].sort((a, b) => a - b);
}

/** Bisection to the last representable step between a and b, where f(a) and f(b) differ in sign. */
function bisect(f: (x: number) => number, a: number, b: number, fa: number): number {
  for (let i = 0; i < 200; i++) {
    const mid = (a + b) / 2;
    if (mid === a || mid === b) break;
    const fm = f(mid);
    if (fm === 0) return mid;
    if (fm < 0 === fa < 0) {
      a = mid;
      fa = fm;
    } else {
      b = mid;
    }
  }
  return (a + b) / 2;
}

/**
 * The value of an input in [min, max] at which `npvAt` is zero, the crossing nearest the central
 * value; null when NPV keeps one sign over the whole range ("none in range").
 * Example: npvAt = x => 100 x - 25 over [0, 1] -> 0.25.
 */
export function switchingValue(npvAt: (value: number) => number, range: SearchRange): number | null {
  if (!(range.max > range.min)) return null;
  const grid = searchGrid(range);
  const values = grid.map(npvAt);
  let best: number | null = null;
  const consider = (root: number): void => {
    if (best === null || Math.abs(root - range.central) < Math.abs(best - range.central)) best = root;
  };
  for (let i = 0; i < grid.length; i++) {
    if (values[i] === 0) consider(grid[i]!);
    if (i > 0 && values[i - 1]! !== 0 && values[i]! !== 0 && values[i - 1]! < 0 !== values[i]! < 0) {
      consider(bisect(npvAt, grid[i - 1]!, grid[i]!, values[i - 1]!));
    }
  }
  return best;
}
