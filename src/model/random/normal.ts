/**
 * The standard normal distribution: its CDF and inverse CDF to full double precision.
 */

const SQRT_2PI = 2.5066282746310002; // sqrt(2 pi)

/**
 * Inverse CDF of the standard normal: Wichura's algorithm AS241 (PPND16), relative error
 * about 1e-16. p = 0 gives -Infinity and p = 1 gives Infinity.
 * standardNormalQuantile(0.975) -> 1.959963984540054
 */
export function standardNormalQuantile(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r + 45921.953931549871457) * r +
          13731.693765509461125) *
          r +
          1971.5909503065514427) *
          r +
          133.14166789178437745) *
          r +
          3.387132872796366608)) /
      (((((((5226.495278852854561 * r + 28729.085735721942674) * r + 39307.89580009271061) * r + 21213.794301586595867) * r +
        5394.1960214247511077) *
        r +
        687.1870074920579083) *
        r +
        42.313330701600911252) *
        r +
        1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  if (r <= 0) return q < 0 ? -Infinity : Infinity;
  r = Math.sqrt(-Math.log(r));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value =
      (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r + 1.27045825245236838258) * r +
        3.64784832476320460504) *
        r +
        5.7694972214606914055) *
        r +
        4.6303378461565452959) *
        r +
        1.42343711074968357734) /
      (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r + 0.14810397642748007459) * r +
        0.68976733498510000455) *
        r +
        1.6763848301838038494) *
        r +
        2.05319162663775882187) *
        r +
        1);
  } else {
    r -= 5;
    value =
      (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r + 0.026532189526576123093) * r +
        0.29656057182850489123) *
        r +
        1.7848265399172913358) *
        r +
        5.4637849111641143699) *
        r +
        6.6579046435011037772) /
      (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r +
        0.0148753612908506148525) *
        r +
        0.13692988092273580531) *
        r +
        0.59983220655588793769) *
        r +
        1);
  }
  return q < 0 ? -value : value;
}

/**
 * exp(-x^2 / 2) without the rounding error of squaring a large x: x is split into a part
 * with few bits, whose square is exact, and a small remainder (as in Cody's erfc).
 */
function gaussianKernel(x: number): number {
  const head = Math.trunc(x * 16) / 16;
  return Math.exp((-head * head) / 2) * Math.exp((-(x - head) * (x + head)) / 2);
}

/**
 * Upper tail Q(x) = P(Z > x) for x >= 1, by Laplace's continued fraction for the Mills
 * ratio, Q(x) = phi(x) / (x + 1/(x + 2/(x + 3/(x + ...)))), evaluated by modified Lentz.
 * Accurate to a few ulps, far into the tail (underflows to 0 beyond x = 38.5).
 */
function upperTail(x: number): number {
  const tiny = 1e-300;
  let f = x;
  let c = f;
  let d = 0;
  for (let n = 1; n < 5000; n++) {
    d = x + n * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = x + n / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return gaussianKernel(x) / SQRT_2PI / f;
}

/**
 * CDF of the standard normal, P(Z <= x), accurate to a few ulps in both tails
 * (relative error, so standardNormalCdf(-30) is 4.906713927148187e-198, not 0).
 * Near zero: Marsaglia's series phi(x) (x + x^3/3 + x^5/(3*5) + ...); beyond |x| = 1:
 * the continued fraction for the tail.
 * standardNormalCdf(1.959963984540054) -> 0.975
 */
export function standardNormalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  if (x < -1) return upperTail(-x);
  if (x > 1) return 1 - upperTail(x);
  const square = x * x;
  let term = x;
  let sum = x;
  for (let k = 3; Math.abs(term) > 1e-17 * Math.abs(sum); k += 2) {
    term *= square / k;
    sum += term;
  }
  return 0.5 + (Math.exp(-square / 2) / SQRT_2PI) * sum;
}
