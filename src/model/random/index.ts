/**
 * Random numbers for the Monte Carlo model: a seeded generator, inverse CDFs, samplers,
 * Latin hypercube sampling and Iman-Conover rank correlation. Every sampler takes the
 * generator as its first argument; nothing here calls Math.random.
 */

/** A uniform source on (0, 1). const rng = createRng(42); rng() -> the same number every run */
export { createRng, deriveSeed, type Rng } from './rng';

/** Standard normal CDF and inverse. standardNormalQuantile(0.975) -> 1.959963984540054 */
export { standardNormalCdf, standardNormalQuantile } from './normal';

/** Beta CDF, inverse and ln Gamma. betaQuantile(0.25, 2, 1) -> 0.5 */
export { betaCdf, betaQuantile, logGamma } from './beta';

/** Inverse CDFs of every distribution form. quantile({ dist: 'uniform', min: 1, max: 3 }, 0.25) -> 1.5 */
export {
  quantile,
  quantileFunction,
  triangularQuantileFunction,
  truncatedNormalQuantileFunction,
  discreteTable,
  discreteQuantile,
  type QuantileFunction,
  type DiscreteTable,
} from './quantile';

/** Direct samplers. sampleInto(rng, { dist: 'pert', min: 0, mode: 1, max: 4 }, new Float64Array(1e6)) */
export {
  sampleInto,
  samplerFor,
  betaSampler,
  gamma,
  standardNormal,
  poisson,
  binomial,
  logFactorial,
  PoissonTable,
  BinomialTables,
  type Sampler,
} from './sample';

/** Latin hypercube sampling. latinHypercube(rng, [d1, d2], 1000) -> two columns of 1000 stratified draws */
export { latinHypercube, latinHypercubeStretch, permute, shuffleInPlace } from './lhs';

/** Iman-Conover rank correlation. imanConover(rng, columns, matrix, names) -> { ok, columns } or { ok: false, errors } */
export {
  imanConover,
  correlationMatrixProblems,
  cholesky,
  ranks,
  rankCorrelation,
  type CorrelationMatrix,
  type CorrelateResult,
} from './correlate';
