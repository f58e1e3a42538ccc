/**
 * Direct samplers for plain random sampling, and the count samplers (Poisson, binomial)
 * used for process variability. The generator is always the first argument.
 */
import { isTruncated, lognormalParameters, pertShape, type Distribution } from '../distribution';
import { logGamma } from './beta';
import { standardNormalQuantile } from './normal';
import { discreteQuantile, discreteTable, quantileFunction } from './quantile';
import type { Rng } from './rng';

/** Draws one value from a fixed distribution using the generator it is given. */
export type Sampler = (rng: Rng) => number;

/**
 * Standard normal draw by inversion (AS241): one uniform per draw, so a stream of draws
 * stays in step with the stream of uniforms.
 * standardNormal(createRng(1)) -> a number near 0 (sd 1)
 */
export function standardNormal(rng: Rng): number {
  return standardNormalQuantile(rng());
}

/**
 * Gamma(shape, scale 1) by Marsaglia and Tsang (2000), for shape >= 1; shape < 1 uses
 * Gamma(shape + 1) * U^(1/shape).
 * gamma(createRng(1), 2) -> a positive number with mean 2
 */
export function gamma(rng: Rng, shape: number): number {
  if (shape >= 1) return gammaAtLeastOne(rng, shape - 1 / 3, 1 / Math.sqrt(9 * shape - 3));
  return Math.exp(logGammaBelowOne(rng, shape));
}

function gammaAtLeastOne(rng: Rng, d: number, c: number): number {
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormalQuantile(rng());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng();
    const xx = x * x;
    if (u < 1 - 0.0331 * xx * xx) return d * v;
    if (Math.log(u) < 0.5 * xx + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** ln of a Gamma(shape) draw for shape < 1, kept in logs because U^(1/shape) underflows for small shapes. */
function logGammaBelowOne(rng: Rng, shape: number): number {
  const boosted = shape + 1;
  return Math.log(gammaAtLeastOne(rng, boosted - 1 / 3, 1 / Math.sqrt(9 * boosted - 3))) + Math.log(rng()) / shape;
}

/**
 * A Beta(alpha, beta) sampler: X / (X + Y) for independent gamma draws X, Y (Marsaglia-Tsang).
 * betaSampler(2, 4)(createRng(1)) -> a number in [0, 1] with mean 1/3
 */
export function betaSampler(alpha: number, beta: number): Sampler {
  if (!(alpha > 0 && beta > 0)) throw new RangeError(`beta: alpha and beta must be positive, got ${alpha}, ${beta}`);
  if (alpha > 1 && beta > 1) return chengBB(alpha, beta);
  if (alpha >= 1 && beta >= 1) {
    const dx = alpha - 1 / 3;
    const cx = 1 / Math.sqrt(9 * dx);
    const dy = beta - 1 / 3;
    const cy = 1 / Math.sqrt(9 * dy);
    return (rng) => {
      const x = gammaAtLeastOne(rng, dx, cx);
      return x / (x + gammaAtLeastOne(rng, dy, cy));
    };
  }
  return (rng) => {
    const logX = alpha < 1 ? logGammaBelowOne(rng, alpha) : Math.log(gamma(rng, alpha));
    const logY = beta < 1 ? logGammaBelowOne(rng, beta) : Math.log(gamma(rng, beta));
    return 1 / (1 + Math.exp(logY - logX));
  };
}

/** ln 4 and 1 + ln 5, the constants of Cheng's algorithm BB. */
const LN_4 = 1.3862943611198906;
const ONE_PLUS_LN_5 = 2.6094379124341003;

/**
 * Beta(alpha, beta) for alpha, beta > 1 by Cheng's algorithm BB (R. C. H. Cheng, "Generating beta
 * variates with nonintegral shape parameters", CACM 21, 1978; as in R's rbeta): two uniforms, a log
 * and an exp a try, accepted more than three times in four for PERT shapes, about three times
 * faster than a pair of gamma draws.
 * chengBB(2, 4)(createRng(1)) -> a number in (0, 1) with mean 1/3
 */
function chengBB(alpha: number, beta: number): Sampler {
  const a = Math.min(alpha, beta);
  const b = Math.max(alpha, beta);
  const sum = a + b;
  const scale = Math.sqrt((sum - 2) / (2 * a * b - sum));
  const shift = a + 1 / scale;
  const smallerFirst = a === alpha;
  return (rng) => {
    for (;;) {
      const u1 = rng();
      const u2 = rng();
      const v = scale * Math.log(u1 / (1 - u1));
      const w = Math.min(a * Math.exp(v), Number.MAX_VALUE);
      const z = u1 * u1 * u2;
      const r = shift * v - LN_4;
      const s = a + r - w;
      if (s + ONE_PLUS_LN_5 >= 5 * z || s > Math.log(z) || r + sum * Math.log(sum / (b + w)) >= Math.log(z)) {
        return smallerFirst ? w / (b + w) : b / (b + w);
      }
    }
  };
}

/**
 * A sampler for any distribution form, with its constants worked out once. A distribution
 * truncated at a sanity limit (section 10) is drawn by inversion on [F(min), F(upper)]: one
 * uniform a draw, never clamped, never above the limit.
 * samplerFor({ dist: 'pert', min: 0, mode: 1, max: 4 })(createRng(1)) -> a number in [0, 4]
 */
export function samplerFor(d: Distribution): Sampler {
  if (isTruncated(d)) {
    const inverse = quantileFunction(d);
    return (rng) => inverse(rng());
  }
  switch (d.dist) {
    case 'fixed': {
      const value = d.value;
      return () => value;
    }
    case 'pert': {
      const { min, mode, max } = d;
      quantileFunction(d); // validates the parameters
      if (min === max) return () => min;
      const { alpha, beta } = pertShape(min, mode, max);
      const standard = betaSampler(alpha, beta);
      const range = max - min;
      return (rng) => Math.min(max, min + range * standard(rng));
    }
    case 'beta':
      return betaSampler(d.alpha, d.beta);
    case 'lognormal': {
      quantileFunction(d); // validates the parameters
      const { mu, sigma } = lognormalParameters(d.low, d.high);
      return (rng) => Math.exp(mu + sigma * standardNormalQuantile(rng()));
    }
    case 'discrete': {
      const table = discreteTable(d.values, d.weights);
      return (rng) => discreteQuantile(table, rng());
    }
    case 'uniform':
    case 'triangular':
    case 'normal': {
      // Inversion is exact and as fast as anything else for these; truncated normals
      // invert on [Phi(a), Phi(b)], so no draw is clamped or rejected.
      const inverse = quantileFunction(d);
      return (rng) => inverse(rng());
    }
  }
}

/**
 * Fills a column with independent draws of one distribution.
 * sampleInto(createRng(1), { dist: 'uniform', min: 0, max: 1 }, new Float64Array(1000)) fills 1000 draws
 */
export function sampleInto(rng: Rng, d: Distribution, out: Float64Array): void {
  const draw = samplerFor(d);
  for (let i = 0; i < out.length; i++) out[i] = draw(rng);
}

// Exact ln k! for small k (summing logs), so count samplers avoid Lanczos error where it matters most.
const LOG_FACTORIAL = new Float64Array(256);
for (let k = 2; k < 256; k++) LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1]! + Math.log(k);

/** ln k! for a whole number k >= 0. logFactorial(5) -> 4.787491742782046 (= ln 120) */
export function logFactorial(k: number): number {
  return k < 256 ? LOG_FACTORIAL[k]! : logGamma(k + 1);
}

/**
 * A Poisson count with the given mean: sequential inversion of the CDF for mean < 10,
 * Hörmann's PTRS (transformed rejection with squeeze, 1993) above. Exact in both ranges.
 * poisson(createRng(1), 4.5) -> a whole number with mean 4.5
 */
export function poisson(rng: Rng, mean: number): number {
  if (!(mean >= 0 && Number.isFinite(mean))) throw new RangeError(`poisson: mean must be a non-negative number, got ${mean}`);
  if (mean === 0) return 0;
  const c = poissonConstants.for(mean);
  if (mean < 10) {
    const u = rng();
    let k = 0;
    let probability = c.start;
    let cumulative = probability;
    while (u >= cumulative && probability > 0) {
      k++;
      probability *= mean / k;
      cumulative += probability;
    }
    return k;
  }
  const { a, b, logInverseAlpha, vr, logMean } = c;
  for (;;) {
    const u = rng() - 0.5;
    const v = rng();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (k < 0) continue;
    if (us >= 0.07 && v <= vr) return k;
    if (us < 0.013 && v > us) continue;
    if (Math.log(v) + logInverseAlpha - Math.log(a / (us * us) + b) <= -mean + k * logMean - logFactorial(k)) return k;
  }
}

/**
 * The constants poisson() needs for one mean, kept until it is asked for another: the waiting
 * list asks for the same mean month after month and draw after draw, and working them out again
 * (an exponential, or a square root and two logarithms) took about a third of each count's time.
 * The same expressions as before, so the same bits.
 */
class PoissonConstants {
  private mean = NaN;
  /** e^-mean, the first probability of the inversion (mean < 10). */
  start = 0;
  logMean = 0;
  b = 0;
  a = 0;
  logInverseAlpha = 0;
  vr = 0;

  for(mean: number): this {
    if (mean === this.mean) return this;
    this.mean = mean;
    if (mean < 10) {
      this.start = Math.exp(-mean);
      return this;
    }
    const rootMean = Math.sqrt(mean);
    this.logMean = Math.log(mean);
    this.b = 0.931 + 2.53 * rootMean;
    this.a = -0.059 + 0.02483 * this.b;
    this.logInverseAlpha = Math.log(1.1239 + 1.1328 / (this.b - 3.4));
    this.vr = 0.9277 - 3.6224 / (this.b - 2);
    return this;
  }
}

const poissonConstants = new PoissonConstants();

/**
 * The number of successes in `trials` independent trials each with chance `probability`:
 * CDF inversion when trials * min(p, 1 - p) < 10, Hörmann's BTRS (transformed rejection,
 * 1993) above. Exact in both ranges.
 * binomial(createRng(1), 100, 0.3) -> a whole number in [0, 100] with mean 30
 */
export function binomial(rng: Rng, trials: number, probability: number): number {
  if (!(Number.isInteger(trials) && trials >= 0)) throw new RangeError(`binomial: trials must be a whole number >= 0, got ${trials}`);
  if (!(probability >= 0 && probability <= 1)) throw new RangeError(`binomial: probability must be in [0, 1], got ${probability}`);
  if (probability > 0.5) return trials - binomialLowerHalf(rng, trials, 1 - probability);
  return binomialLowerHalf(rng, trials, probability);
}

/**
 * (1 - p)^n, the first probability of the binomial inversion, kept for the two chances asked for
 * most recently and every n below 256. Process variability asks twice a month (a start's chance of
 * preventing a breakdown, a prevented breakdown's chance of residential care) with the same two
 * chances all through a draw and few distinct n; working out e^(n ln(1 - p)) each time was about
 * a third of a count's time. The same expression as before, so the same bits.
 */
class BinomialStarts {
  private readonly chances = [NaN, NaN];
  private readonly logQ = [0, 0];
  private readonly tables = [new Float64Array(256), new Float64Array(256)];
  private replace = 0;

  start(n: number, p: number): number {
    if (n >= 256) return Math.exp(n * Math.log1p(-p));
    let s = this.chances[0] === p ? 0 : this.chances[1] === p ? 1 : -1;
    if (s < 0) {
      s = this.replace;
      this.replace = 1 - s;
      this.chances[s] = p;
      this.logQ[s] = Math.log1p(-p);
      this.tables[s]!.fill(NaN);
    }
    const table = this.tables[s]!;
    let start = table[n]!;
    if (Number.isNaN(start)) start = table[n] = Math.exp(n * this.logQ[s]!);
    return start;
  }
}

const binomialStarts = new BinomialStarts();

/** Binomial draw for p <= 0.5. */
function binomialLowerHalf(rng: Rng, n: number, p: number): number {
  if (n === 0 || p === 0) return 0;
  const q = 1 - p;
  const mean = n * p;
  if (mean < 10) {
    // Sequential search from 0 (as numpy's binomial inversion); restarts past a far bound
    // guard against rounding leaving u above the summed probabilities.
    const start = binomialStarts.start(n, p);
    const bound = Math.min(n, mean + 10 * Math.sqrt(mean * q + 1));
    const ratio = p / q;
    for (;;) {
      let u = rng();
      let k = 0;
      let probability = start;
      while (u > probability) {
        u -= probability;
        k++;
        if (k > bound) break;
        probability *= ((n - k + 1) * ratio) / k;
      }
      if (k <= bound) return k;
    }
  }
  const sd = Math.sqrt(mean * q);
  const b = 1.15 + 2.53 * sd;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = mean + 0.5;
  const vr = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * sd;
  const logOdds = Math.log(p / q);
  const mode = Math.floor((n + 1) * p);
  const logModeTerm = logFactorial(mode) + logFactorial(n - mode);
  for (;;) {
    const u = rng() - 0.5;
    const v = rng();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    const logV = Math.log((v * alpha) / (a / (us * us) + b));
    if (logV <= logModeTerm - logFactorial(k) - logFactorial(n - k) + (k - mode) * logOdds) return k;
  }
}

/**
 * Poisson counts by inversion from a table of the cumulative probabilities for one mean, built
 * when the mean changes: one uniform and a comparison or two a count, where poisson() above the
 * mean of 10 takes two uniforms and a rejection test. For process variability's referrals, whose
 * mean is the same month after month when referrals do not grow. A guide table (Chen and Asau,
 * 1974) says where to start looking. Exact as inversion is: u picks the smallest k whose
 * cumulative probability exceeds it, the table's probabilities summed as poisson() sums them below
 * the mean of 10 (so there it gives the same counts); past the table's end (u within about 1e-16
 * of 1) the sum goes on term by term.
 */
export class PoissonTable {
  /** Means above this are left to poisson() (e^-mean would underflow long before a table got too big). */
  static readonly LARGEST_MEAN = 200;
  private mean = NaN;
  private cumulative = new Float64Array(256);
  private guide = new Int32Array(256);
  private size = 0;
  /** The probability of the table's last count. */
  private lastProbability = 0;

  draw(rng: Rng, mean: number): number {
    if (mean !== this.mean) this.build(mean);
    const u = rng();
    const cumulative = this.cumulative;
    const last = this.size - 1;
    let k = this.guide[Math.min(last, Math.floor(u * this.size))]!;
    while (k < last && u >= cumulative[k]!) k++;
    if (u < cumulative[k]!) return k;
    // Past the table (its last sum rounds below u): on term by term, as poisson() does.
    let probability = this.lastProbability;
    let sum = cumulative[k]!;
    while (u >= sum && probability > 0) {
      k++;
      probability *= mean / k;
      sum += probability;
    }
    return k;
  }

  private build(mean: number): void {
    if (!(mean >= 0 && mean <= PoissonTable.LARGEST_MEAN))
      throw new RangeError(`PoissonTable: the mean must be in [0, ${PoissonTable.LARGEST_MEAN}], got ${mean}`);
    this.mean = mean;
    // The terms of poisson()'s sum, until it stops growing (it reaches 1 to rounding) past the mean.
    let probability = Math.exp(-mean);
    let sum = probability;
    let k = 0;
    this.cumulative[0] = sum;
    for (;;) {
      const next = probability * (mean / (k + 1));
      const nextSum = sum + next;
      if (next === 0 || (nextSum === sum && k + 1 > mean)) break;
      k++;
      probability = next;
      sum = nextSum;
      if (k === this.cumulative.length) {
        const longer = new Float64Array(2 * k);
        longer.set(this.cumulative);
        this.cumulative = longer;
        this.guide = new Int32Array(2 * k);
      }
      this.cumulative[k] = sum;
    }
    this.size = k + 1;
    this.lastProbability = probability;
    // guide[j]: the smallest count whose cumulative probability exceeds j / size.
    let at = 0;
    for (let j = 0; j < this.size; j++) {
      while (at < k && this.cumulative[at]! <= j / this.size) at++;
      this.guide[j] = at;
    }
  }
}

/**
 * Binomial counts by inversion from tables of the cumulative probabilities, one for each number of
 * trials below 256 and each of the two chances asked for most recently, built when first asked
 * for: one uniform and a short search a count. For process variability, which asks twice a month
 * with the same two chances all through a draw and few distinct numbers of trials. The tables sum
 * the same terms binomial() does below a mean of 10 (from 0 for a chance up to one half, else for
 * its complement), so counts differ from binomial()'s only where rounding puts a uniform on the
 * other side of a sum (binomial() subtracts each term from the uniform instead); at a mean of 10 and
 * more, where binomial() uses BTRS, they are other draws from the same distribution.
 */
export class BinomialTables {
  private readonly chances = [NaN, NaN];
  /** The slot used last. */
  private recent = 1;
  /** [slot][trials]: cumulative probabilities of 0 .. trials successes (of failures above one half). */
  private readonly tables: Float64Array[][] = [[], []];
  /** [slot][trials]: the version of the slot's chance its table was built for. */
  private readonly builtFor = [new Int32Array(256).fill(-1), new Int32Array(256).fill(-1)];
  private readonly versions = [0, 0];
  /** ln(1 - p) for each slot's chance p (its complement's when above one half). */
  private readonly logQ = [0, 0];

  draw(rng: Rng, trials: number, probability: number): number {
    // No trials or a certain chance: no uniform, as binomial() (trials x the chance).
    if (trials === 0 || probability === 0) return 0;
    if (probability === 1) return trials;
    if (trials >= 256) return binomial(rng, trials, probability);
    let s = this.chances[0] === probability ? 0 : this.chances[1] === probability ? 1 : -1;
    if (s < 0) {
      // A new chance takes the slot not used last: a new draw's first chance replaces the last
      // draw's first, and the second (the same in every draw when it is not uncertain) stays.
      s = 1 - this.recent;
      this.chances[s] = probability;
      this.versions[s]!++;
      this.logQ[s] = Math.log1p(-(probability > 0.5 ? 1 - probability : probability));
    }
    this.recent = s;
    const table = this.tableFor(s, trials, probability);
    for (;;) {
      const u = rng();
      let k = 0;
      while (k < trials && u > table[k]!) k++;
      // A uniform past the last sum (which rounds a little below 1): drawn again, as binomial() does.
      if (u <= table[k]!) return probability > 0.5 ? trials - k : k;
    }
  }

  private tableFor(s: number, n: number, chance: number): Float64Array {
    const tables = this.tables[s]!;
    let table = tables[n];
    if (!table) table = tables[n] = new Float64Array(n + 1);
    if (this.builtFor[s]![n] === this.versions[s]) return table;
    this.builtFor[s]![n] = this.versions[s]!;
    const p = chance > 0.5 ? 1 - chance : chance;
    const q = 1 - p;
    const ratio = p / q;
    let term = Math.exp(n * this.logQ[s]!);
    let sum = term;
    table[0] = sum;
    for (let k = 1; k <= n; k++) {
      term *= ((n - k + 1) * ratio) / k;
      sum += term;
      table[k] = sum;
    }
    return table;
  }
}
