// fast-check generators of valid distributions, shared by the property tests.
import fc from 'fast-check';
import type { Distribution } from '../../../src/model/distribution';

const finite = fc.double({ min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true });
const positive = fc.double({ min: 0.05, max: 50, noNaN: true, noDefaultInfinity: true });

/** Three sorted numbers: min <= mode <= max. */
const ordered3 = fc.tuple(finite, finite, finite).map((xs) => xs.sort((a, b) => a - b) as [number, number, number]);

export const distributionArbitrary: fc.Arbitrary<Distribution> = fc.oneof(
  finite.map((value): Distribution => ({ dist: 'fixed', value })),
  ordered3.map(([min, , max]): Distribution => ({ dist: 'uniform', min, max })),
  ordered3.map(([min, mode, max]): Distribution => ({ dist: 'triangular', min, mode, max })),
  ordered3.map(([min, mode, max]): Distribution => ({ dist: 'pert', min, mode, max })),
  fc.tuple(finite, positive).map(([mean, sd]): Distribution => ({ dist: 'normal', mean, sd })),
  fc
    .tuple(finite, positive, fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: 0.01, max: 4, noNaN: true }))
    .map(([mean, sd, start, width]): Distribution => ({
      dist: 'normal',
      mean,
      sd,
      min: mean + start * sd,
      max: mean + (start + width) * sd,
    })),
  fc
    .tuple(positive, fc.double({ min: 1, max: 100, noNaN: true }))
    .map(([low, ratio]): Distribution => ({ dist: 'lognormal', low, high: low * ratio })),
  fc.tuple(positive, positive).map(([alpha, beta]): Distribution => ({ dist: 'beta', alpha, beta })),
  fc
    .array(fc.tuple(finite, fc.double({ min: 0.1, max: 10, noNaN: true })), { minLength: 1, maxLength: 6 })
    .map((pairs): Distribution => ({ dist: 'discrete', values: pairs.map(([v]) => v), weights: pairs.map(([, w]) => w) })),
);
