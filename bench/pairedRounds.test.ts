import { describe, expect, it } from 'vitest';
import type { ProcessCpu } from './cpuAccounting.ts';
import { CONTROL_PAIRS, pairedRatio, roundOrder } from './pairedRounds.ts';

/** A round's run of one side: its rate, over 5 s, and its CPU ms per request by process. */
function run(requestsPerSecond: number, processes: ProcessCpu[] = []) {
  const totalMsPerRequest = processes.reduce((total, entry) => total + entry.msPerRequest, 0);
  return { requestsPerSecond, sent: requestsPerSecond * 5, cpu: { processes, totalMsPerRequest, ourShare: 0.9, otherShare: 0 } };
}

describe('paired rounds', () => {
  it('lets each side lead as often as the other, in A B, B A, B A, A B cycles', () => {
    expect(roundOrder(4)).toEqual([['over', 'under'], ['under', 'over'], ['under', 'over'], ['over', 'under']]);
    const leads = roundOrder(8).map((round) => round[0]);
    expect(leads.filter((side) => side === 'over')).toHaveLength(4);
  });

  it('takes the ratio over the sums, so a slow round weighs as much on both sides', () => {
    // The machine slows to half in the second round: both sides lose alike, the ratio stays 0.9.
    const ratio = pairedRatio(CONTROL_PAIRS[4], 10, [{ over: run(90), under: run(100) }, { over: run(45), under: run(50) }]);
    expect(ratio?.ratio).toBeCloseTo(0.9, 10);
    expect(ratio).toMatchObject({ connections: 10, rounds: 2, pair: 'connection-gated/connection-free' });
  });

  it('reports the lowest and highest round, and nothing when the baseline side never answered', () => {
    const ratio = pairedRatio(CONTROL_PAIRS[0], 50, [{ over: run(80), under: run(100) }, { over: run(110), under: run(100) }]);
    expect(ratio?.lowestRound).toBeCloseTo(0.8, 10);
    expect(ratio?.highestRound).toBeCloseTo(1.1, 10);
    expect(pairedRatio(CONTROL_PAIRS[0], 50, [{ over: run(10), under: run(0) }])).toBeNull();
  });

  it('says where the control\'s CPU goes: each side\'s CPU per request over its rounds, a round weighing by the requests it sent', () => {
    const withLog = (postgresMs: number) => [
      { name: 'gateway', role: 'gateway' as const, msPerRequest: 2 },
      { name: 'land', role: 'subgraph' as const, msPerRequest: 3 },
      { name: 'population', role: 'subgraph' as const, msPerRequest: 1 },
      { name: 'postgres', role: 'postgres' as const, msPerRequest: postgresMs },
    ];
    const withoutLog = [
      { name: 'gateway', role: 'gateway' as const, msPerRequest: 2 },
      { name: 'land', role: 'subgraph' as const, msPerRequest: 2.5 },
      { name: 'postgres', role: 'postgres' as const, msPerRequest: 2 },
    ];
    // The side with the log sent 300 requests at 4 ms of Postgres, then 100 at 8: 5 ms over its 400.
    const ratio = pairedRatio(CONTROL_PAIRS[2], 10, [{ over: run(60, withLog(4)), under: run(100, withoutLog) }, { over: run(20, withLog(8)), under: run(100, withoutLog) }]);
    expect(ratio?.cpu.over).toMatchObject({ gateway: 2, subgraphs: 4, postgres: 5, redis: 0, loadGenerator: 0, total: 11 });
    expect(ratio?.cpu.under).toMatchObject({ gateway: 2, subgraphs: 2.5, postgres: 2, total: 6.5 });
  });
});
