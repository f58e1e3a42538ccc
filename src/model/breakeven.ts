/**
 * Break-even figures (shared/model.md section 8): the placements an option must avoid to pay for
 * itself, and the switching value of an input, where NPV crosses zero.
 */

/**
 * Residential placements an option must avoid for its avoided cost to equal its contract cost in
 * present value, scaling all its outcomes in proportion: placements x PV cost / PV avoided cost.
 * placementsNeeded(3, 450_000, 300_000) -> 2 (3 placements avoid 450,000; 300,000 of cost needs 2).
 * Null when the option avoids nothing.
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

const GRID_POINTS = 60;

/**
 * The points of a search grid: linear over the whole range, and again, finer, over the part within
 * ten times the central value's size (where crossings that matter lie), with the central value.
 */
function searchGrid(range: SearchRange): number[] {
  const points = new Set<number>([range.central]);
  const add = (from: number, to: number): void => {
    for (let i = 0; i <= GRID_POINTS; i++) points.add(from + ((to - from) * i) / GRID_POINTS);
  };
  add(range.min, range.max);
  const reach = 10 * Math.max(Math.abs(range.central), Number.EPSILON);
  const near = [Math.max(range.min, range.central - reach), Math.min(range.max, range.central + reach)] as const;
  if (near[1] > near[0]) add(near[0], near[1]);
  return [...points].sort((a, b) => a - b);
}

/**
 * Brent's method (Brent 1973, as in Numerical Recipes' zbrent) between a and b, where f(a) and f(b)
 * differ in sign: inverse quadratic interpolation with bisection as the safeguard, to the last
 * few representable digits.
 */
function brent(f: (x: number) => number, a: number, b: number, fa: number, fb: number): number {
  let c = b;
  let fc = fb;
  let d = b - a;
  let e = d;
  for (let i = 0; i < 200; i++) {
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolerance = 2 * Number.EPSILON * Math.abs(b) + 1e-300;
    const half = (c - b) / 2;
    if (Math.abs(half) <= tolerance || fb === 0) return b;
    if (Math.abs(e) >= tolerance && Math.abs(fa) > Math.abs(fb)) {
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * half * s;
        q = 1 - s;
      } else {
        const r = fb / fc;
        const t = fa / fc;
        p = s * (2 * half * t * (t - r) - (b - a) * (r - 1));
        q = (t - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      p = Math.abs(p);
      if (2 * p < Math.min(3 * half * q - Math.abs(tolerance * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = half;
        e = d;
      }
    } else {
      d = half;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tolerance ? d : half > 0 ? tolerance : -tolerance;
    fb = f(b);
  }
  return b;
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
      consider(brent(npvAt, grid[i - 1]!, grid[i]!, values[i - 1]!, values[i]!));
    }
  }
  return best;
}
