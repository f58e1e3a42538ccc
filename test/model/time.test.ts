/** Discount factors and deflators by financial year (src/model/time.ts): products, not powers. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compound, deflatorOf, discountFactor, fillByYear } from '../../src/model/time';

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

  it('fillByYear gives the same numbers, to the bit, month by month from any starting month', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.05, max: 0.2, noNaN: true }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 30 }),
        (rate, baseYear, from, firstYear) => {
          // Financial years stepping each April of a start in January: months 0-2 in the first year.
          const yearOfMonth = Int32Array.from({ length: 240 }, (_, t) => firstYear + Math.floor((t + 9) / 12));
          const discount = new Float64Array(240);
          const deflator = new Float64Array(240);
          fillByYear(discount, yearOfMonth, from, 240, 'discount', rate, baseYear);
          fillByYear(deflator, yearOfMonth, from, 240, 'deflator', rate, baseYear);
          for (let t = from; t < 240; t++) {
            expect(discount[t]).toBe(discountFactor(rate, yearOfMonth[t]!, baseYear));
            expect(deflator[t]).toBe(deflatorOf(rate, yearOfMonth[t]!, baseYear));
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
