// What one request cost each process and how much of the machine other work took, from two snapshots.
import { describe, expect, it } from 'vitest';
import { machineShares, runCpu, takeCpuSnapshot, type CpuSnapshot } from './cpuAccounting.ts';

function snapshot(parts: Partial<CpuSnapshot> & { busyMs: number; totalMs: number }): CpuSnapshot {
  return {
    machine: { busyMs: parts.busyMs, totalMs: parts.totalMs },
    groupMs: parts.groupMs ?? new Map(),
    postgresMs: parts.postgresMs ?? 0,
    foreignBackendsMs: parts.foreignBackendsMs ?? new Map(),
    redisMs: parts.redisMs ?? 0,
    loadGeneratorMs: parts.loadGeneratorMs ?? 0,
  };
}

// 10 s on 2 cores: 20,000 ms of CPU time; the gateway (group 10) and a subgraph (group 20) measured, group 30 idle.
const before = snapshot({ busyMs: 1_000, totalMs: 50_000, groupMs: new Map([[10, 100], [20, 200], [30, 300]]), postgresMs: 5_000, redisMs: 50, loadGeneratorMs: 400 });
const after = snapshot({
  busyMs: 1_000 + 16_000,
  totalMs: 50_000 + 20_000,
  groupMs: new Map([[10, 100 + 5_000], [20, 200 + 3_000], [30, 300 + 100]]),
  postgresMs: 5_000 + 4_000,
  redisMs: 50 + 200,
  loadGeneratorMs: 400 + 1_500,
});
const target = [
  { name: 'gateway', role: 'gateway' as const, pgid: 10 },
  { name: 'population', role: 'subgraph' as const, pgid: 20 },
];

describe('CPU per request between two snapshots', () => {
  it('divides each process\'s CPU by the requests sent, and adds Postgres, Redis and the load generator', () => {
    const cpu = runCpu(before, after, target, 1_000);
    expect(cpu.processes).toEqual([
      { name: 'gateway', role: 'gateway', msPerRequest: 5 },
      { name: 'population', role: 'subgraph', msPerRequest: 3 },
      { name: 'postgres', role: 'postgres', msPerRequest: 4 },
      { name: 'redis', role: 'redis', msPerRequest: 0.2 },
      { name: 'load generator', role: 'load-generator', msPerRequest: 1.5 },
    ]);
    expect(cpu.totalMsPerRequest).toBeCloseTo(13.7);
  });

  it('calls what the machine did beyond our processes (idle ones included) other work', () => {
    // Ours: 5,000 + 3,000 + 100 + 4,000 + 200 + 1,500 = 13,800 of 16,000 busy; 2,200 of 20,000 is other work.
    const { ourShare, otherShare } = runCpu(before, after, target, 1_000);
    expect(ourShare).toBeCloseTo(0.69);
    expect(otherShare).toBeCloseTo(0.11);
  });

  it('counts Postgres backends of other databases as other work, not as the bench\'s Postgres', () => {
    const withTests = { ...after, foreignBackendsMs: new Map([[777, 1_000]]) };
    const cpu = runCpu({ ...before, foreignBackendsMs: new Map([[777, 400]]) }, withTests, target, 1_000);
    expect(cpu.processes.find((entry) => entry.role === 'postgres')?.msPerRequest).toBeCloseTo(3.4);
    expect(cpu.otherShare).toBeCloseTo((2_200 + 600) / 20_000);
  });

  it('reports no other work on a machine that did only ours, even when the counters round the other way', () => {
    const quiet = { ...after, machine: { busyMs: 1_000 + 13_700, totalMs: 70_000 } };
    expect(machineShares(before, quiet).otherShare).toBe(0);
  });

  it('reports zero per request when no request was sent', () => {
    expect(runCpu(before, after, target, 0).totalMsPerRequest).toBe(0);
  });
});

describe.skipIf(process.platform !== 'linux')('a snapshot of this machine', () => {
  it('holds this process\'s CPU, and the machine was busy at least as long as this process ran in between', () => {
    const first = takeCpuSnapshot([process.pid], 'bench_');
    const start = process.cpuUsage();
    while (process.cpuUsage(start).user < 200_000); // 200 ms of CPU
    const second = takeCpuSnapshot([process.pid], 'bench_');
    expect(second.loadGeneratorMs - first.loadGeneratorMs).toBeGreaterThanOrEqual(200);
    expect(second.machine.busyMs - first.machine.busyMs).toBeGreaterThanOrEqual(180);
    expect(second.machine.totalMs).toBeGreaterThan(first.machine.totalMs);
  });
});
