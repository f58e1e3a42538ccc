/** Discount factors and deflators by financial year (src/model/time.ts): products, not powers. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byYear, compound, deflatorOf, discountFactor } from '../../src/model/time';

describe('discount factors and deflators', () => {
  it('match values worked out by hand', () => {
    // By hand: 1.035^2 = 1.071225, so two years after the base 1 / 1.071225 = 0.933510700...
    expect(discountFactor(0.035, 4, 2)).toBeCloseTo(0.9335107, 7);
    // A year before the base is compounded forward: 1.035.
    expect(discountFactor(0.035, 1, 2)).toBe(1.035);
    expect(discountFactor(0.035, 2, 2)).toBe(1);
    // 1.02^3 = 1.061208; two years before the price base: 1 / 1.0404 = 0.961168781...
    expect(deflatorOf(0.02, 4, 1)).toBeCloseTo(1.061208, 12);
    expect(deflatorOf(0.02, 0, 2)).toBeCloseTo(0.9611687812, 10);
    expect(compound(1.5, 2)).toBe(2.25);
    expect(compound(7, 0)).toBe(1);
  });

  it('are within a few parts in 10^16 a year of the power', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 2, noNaN: true }), fc.integer({ min: 0, max: 40 }), (factor, years) => {
        const power = Math.pow(factor, years);
        // Each product rounds once (half a unit in the last place, 2^-53 relative); the power is within one.
        expect(Math.abs(compound(factor, years) - power)).toBeLessThanOrEqual((years + 1) * 2 ** -52 * power);
      }),
    );
  });

  it('byYear gives the same numbers, to the bit, for years asked in any order', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.05, max: 0.2, noNaN: true }),
        fc.integer({ min: 0, max: 6 }),
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        (rate, baseYear, years, ascending) => {
          const asked = ascending ? [...years].sort((a, b) => a - b) : years;
          const discount = byYear('discount', rate, baseYear);
          const deflator = byYear('deflator', rate, baseYear);
          for (const year of asked) {
            expect(discount(year)).toBe(discountFactor(rate, year, baseYear));
            expect(deflator(year)).toBe(deflatorOf(rate, year, baseYear));
          }
        },
      ),
    );
  });
});
