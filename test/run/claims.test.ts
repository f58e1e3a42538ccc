import { describe, expect, it } from 'vitest';
import { claimed } from '../../src/run/task';

describe('claimed (how the pool deals blocks and summaries to its threads)', () => {
  it('hands each number to exactly one of the claimants, however they take turns', () => {
    const claims = new SharedArrayBuffer(4);
    const a = claimed(claims, 10);
    const b = claimed(claims, 10);
    const taken: number[][] = [[], []];
    // Uneven turns, as threads of different speeds would take: a takes three for each of b's.
    for (let turn = 0; ; turn++) {
      const from = turn % 4 === 3 ? 1 : 0;
      const next = (from === 0 ? a : b).next();
      if (next.done) break;
      taken[from]!.push(next.value);
    }
    expect([...b]).toEqual([]); // nothing left for the other either
    expect([...taken[0]!, ...taken[1]!].sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(taken[0]).toEqual([0, 1, 2, 4, 5, 6, 8, 9]);
    expect(taken[1]).toEqual([3, 7]);
  });

  it('gives nothing when there is nothing to claim', () => {
    expect([...claimed(new SharedArrayBuffer(4), 0)]).toEqual([]);
  });
});
