import { describe, expect, it } from 'vitest';
import { CONTROL_PAIRS, pairedRatio, roundOrder } from './pairedRounds.ts';

describe('paired rounds', () => {
  it('lets each side lead as often as the other, in A B, B A, B A, A B cycles', () => {
    expect(roundOrder(4)).toEqual([['over', 'under'], ['under', 'over'], ['under', 'over'], ['over', 'under']]);
    const leads = roundOrder(8).map((round) => round[0]);
    expect(leads.filter((side) => side === 'over')).toHaveLength(4);
  });

  it('takes the ratio over the sums, so a slow round weighs as much on both sides', () => {
    // The machine slows to half in the second round: both sides lose alike, the ratio stays 0.9.
    const ratio = pairedRatio(CONTROL_PAIRS[4], 10, [{ over: 90, under: 100 }, { over: 45, under: 50 }]);
    expect(ratio?.ratio).toBeCloseTo(0.9, 10);
    expect(ratio).toMatchObject({ connections: 10, rounds: 2, pair: 'connection-gated/connection-free' });
  });

  it('reports the lowest and highest round, and nothing when the baseline side never answered', () => {
    const ratio = pairedRatio(CONTROL_PAIRS[0], 50, [{ over: 80, under: 100 }, { over: 110, under: 100 }]);
    expect(ratio?.lowestRound).toBeCloseTo(0.8, 10);
    expect(ratio?.highestRound).toBeCloseTo(1.1, 10);
    expect(pairedRatio(CONTROL_PAIRS[0], 50, [{ over: 10, under: 0 }])).toBeNull();
  });
});
