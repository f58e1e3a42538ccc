// Invariants of the deterministic model over random inputs (fast-check).
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { projectAll } from '../../src/model/project';
import type { Inputs } from '../../src/model/types';
import { inputs } from './fixtures';

const randomInputs: fc.Arbitrary<Inputs> = fc
  .record({
    startYear: fc.integer({ min: 2020, max: 2030 }),
    startMonth: fc.integer({ min: 1, max: 12 }),
    fixedMonths: fc.integer({ min: 1, max: 36 }),
    maxExtensionYears: fc.integer({ min: 0, max: 4 }),
    annualValue: fc.double({ min: 0, max: 2e6, noNaN: true }),
    annualUplift: fc.double({ min: 0, max: 0.1, noNaN: true }),
    externalShare: fc.double({ min: 0, max: 1, noNaN: true }),
    referralsPerYear: fc.double({ min: 0, max: 200, noNaN: true }),
    referralGrowth: fc.double({ min: -0.2, max: 0.3, noNaN: true }),
    capacityPerMonth: fc.double({ min: 0, max: 20, noNaN: true }),
    maxWaitMonths: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constant(Infinity)),
    breakdownRisk: fc.double({ min: 0, max: 1, noNaN: true }),
    effectiveness: fc.double({ min: 0, max: 1, noNaN: true }),
    residentialEscalation: fc.double({ min: 0, max: 1, noNaN: true }),
    residentialWeeks: fc.double({ min: 0, max: 156, noNaN: true }),
    residentialWeeklyCost: fc.double({ min: 0, max: 10_000, noNaN: true }),
    moveCost: fc.double({ min: 0, max: 5_000, noNaN: true }),
    residentialCostGrowth: fc.double({ min: -0.05, max: 0.1, noNaN: true }),
    childrenShare: fc.double({ min: 0, max: 1, noNaN: true }),
    matchShare: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map((r) => {
    const base = inputs();
    const endIndex = r.startMonth - 1 + r.fixedMonths - 1;
    return {
      ...base,
      ...r,
      start: { year: r.startYear, month: r.startMonth },
      baseEnd: { year: r.startYear + Math.floor(endIndex / 12), month: (endIndex % 12) + 1 },
      headlineExtensionYears: r.maxExtensionYears,
      externalShareByYear: { [`${r.startYear + 1}/${String((r.startYear + 2) % 100).padStart(2, '0')}`]: 0 },
      councils: [
        { name: 'A', childrenShare: r.childrenShare, matchShare: r.matchShare },
        { name: 'B', childrenShare: 1 - r.childrenShare, matchShare: 1 - r.matchShare },
      ],
    };
  });

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('model invariants', () => {
  it('totals equal the sum of the financial years, for every option and perspective', () => {
    fc.assert(
      fc.property(randomInputs, (input) => {
        for (const option of projectAll(input).options) {
          for (const p of Object.values(option.perspectives)) {
            for (const field of [
              'referrals',
              'starts',
              'waitingAtEnd',
              'turnedAway',
              'residentialWeeksAvoided',
              'avoidedCost',
              'avoidedCostPV',
              'contractCost',
              'contractCostPV',
              'netSaving',
              'npv',
            ] as const) {
              const sum = p.byFinancialYear.reduce((s, y) => s + y[field], 0);
              if (!close(sum, p.totals[field])) return false;
            }
          }
        }
        return true;
      }),
      { numRuns: 150 },
    );
  });

  it('every child referred starts, is turned away or is still waiting', () => {
    fc.assert(
      fc.property(randomInputs, (input) => {
        const t = projectAll(input).options.at(-1)!.perspectives.region!.totals;
        return close(t.referrals, t.starts + t.turnedAway + t.waitingAtEnd);
      }),
      { numRuns: 150 },
    );
  });

  it('more capacity never means fewer starts', () => {
    fc.assert(
      fc.property(randomInputs, fc.double({ min: 0, max: 10, noNaN: true }), (input, extra) => {
        const before = projectAll(input).options.map((o) => o.perspectives.region!.totals.starts);
        const after = projectAll({ ...input, capacityPerMonth: input.capacityPerMonth + extra }).options.map(
          (o) => o.perspectives.region!.totals.starts,
        );
        return after.every((s, k) => s >= before[k]! - 1e-9 * Math.max(1, s));
      }),
      { numRuns: 150 },
    );
  });

  it('NPV falls as annual_value rises (and strictly, when the option has a cost)', () => {
    fc.assert(
      fc.property(randomInputs, fc.double({ min: 1, max: 1e6, noNaN: true }), (input, extra) => {
        const before = projectAll(input).options;
        const after = projectAll({ ...input, annualValue: input.annualValue + extra }).options;
        return after.every((o, k) => o.perspectives.region!.totals.npv < before[k]!.perspectives.region!.totals.npv);
      }),
      { numRuns: 150 },
    );
  });

  it("councils' benefits and counts add up to the region's", () => {
    fc.assert(
      fc.property(randomInputs, (input) => {
        for (const option of projectAll(input).options) {
          const { region, A, B } = option.perspectives;
          for (const field of ['avoidedCost', 'avoidedCostPV', 'residentialPlacementsAvoided', 'starts'] as const) {
            if (!close(A!.totals[field] + B!.totals[field], region!.totals[field])) return false;
          }
        }
        return true;
      }),
      { numRuns: 150 },
    );
  });

  it("councils' costs add up to the part of the region's cost the grant does not pay", () => {
    fc.assert(
      fc.property(randomInputs, (input) => {
        const option = projectAll({ ...input, externalShareByYear: {} }).options.at(-1)!;
        const { region, A, B } = option.perspectives;
        return close(A!.totals.contractCost + B!.totals.contractCost, region!.totals.contractCost * (1 - input.externalShare));
      }),
      { numRuns: 150 },
    );
  });
});
