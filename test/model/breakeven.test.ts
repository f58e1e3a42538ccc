import { describe, expect, it } from 'vitest';
import { placementsNeeded, switchingValue } from '../../src/model/breakeven';

describe('break-even', () => {
  it('scales placements by PV cost over PV avoided cost', () => {
    // By hand: 3 placements avoid £450k; covering £300k needs 3 x 300/450 = 2.
    expect(placementsNeeded(3, 450_000, 300_000)).toBeCloseTo(2, 12);
    expect(placementsNeeded(0, 0, 300_000)).toBeNull();
  });

  it('finds where a linear NPV crosses zero', () => {
    expect(switchingValue((x) => 100 * x - 25, { min: 0, max: 1, central: 0.5 })).toBeCloseTo(0.25, 12);
    expect(switchingValue((x) => 5631 * x * 40 - 594_492, { min: 0, max: 1e5, central: 5631 })).toBeCloseTo(594_492 / (5631 * 40), 9);
  });

  it('says none in range when NPV keeps one sign', () => {
    expect(switchingValue((x) => x + 1, { min: 0, max: 1, central: 0.5 })).toBeNull();
  });

  it('finds a crossing near the central value even when the allowed range is vast', () => {
    // (x - 5)(x - 7.5) is negative only between 5 and 7.5; a grid over 0..1e9 alone would miss both.
    expect(switchingValue((x) => (x - 5) * (x - 7.5), { min: 0, max: 1e9, central: 7 })).toBeCloseTo(7.5, 9);
  });

  it('picks the crossing nearest the central value', () => {
    // (x - 0.2)(x - 0.7) crosses at 0.2 and 0.7; central 0.6 -> 0.7.
    expect(switchingValue((x) => (x - 0.2) * (x - 0.7), { min: 0, max: 1, central: 0.6 })).toBeCloseTo(0.7, 10);
  });
});
