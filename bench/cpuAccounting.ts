// Where the CPU went during a run: a snapshot of every counter the bench reads (each service's process
// group, the Postgres and Redis servers, the bench process that generates the load, the whole machine)
// taken before and after, and the difference divided by the requests sent.
import { readMachineCpu, type MachineCpu } from './machineCpu.ts';
import { commandCpuMs, foreignBackendsMs, groupCpuMs, listProcesses } from './processCpu.ts';

export type ProcessRole = 'gateway' | 'subgraph' | 'baseline' | 'postgres' | 'redis' | 'load-generator';

/** A service of the target being measured: its name (a subgraph's agency) and its process group. */
export interface TargetProcess {
  name: string;
  role: 'gateway' | 'subgraph' | 'baseline';
  pgid: number;
}

export interface CpuSnapshot {
  machine: MachineCpu;
  /** CPU ms so far of each bench child, by process group id. */
  groupMs: Map<number, number>;
  /** Every Postgres process, including backends of other databases (foreignBackendsMs). */
  postgresMs: number;
  /** By pid: backends serving databases that are not the bench's, whose CPU is other work. */
  foreignBackendsMs: Map<number, number>;
  redisMs: number;
  /** This process: autocannon runs in it. */
  loadGeneratorMs: number;
}

export interface ProcessCpu {
  name: string;
  role: ProcessRole;
  msPerRequest: number;
}

export interface RunCpu {
  /** CPU ms per request sent: the target's services, then Postgres, Redis and the load generator. */
  processes: ProcessCpu[];
  totalMsPerRequest: number;
  /** Shares of the machine's CPU time (all cores) over the run: ours (every bench child, the servers, the bench) and the rest. */
  ourShare: number;
  otherShare: number;
}

/**
 * `pgids`: every bench child, measured or idle; what they use is ours, not other work.
 * `benchDatabasePrefix`: Postgres backends serving other databases are someone else's.
 */
export function takeCpuSnapshot(pgids: readonly number[], benchDatabasePrefix: string): CpuSnapshot {
  const loadGeneratorMs = cpuUsageMs();
  const processes = listProcesses();
  const machine = readMachineCpu();
  return {
    machine,
    groupMs: new Map(pgids.map((pgid) => [pgid, groupCpuMs(processes, pgid)])),
    postgresMs: commandCpuMs(processes, 'postgres'),
    foreignBackendsMs: foreignBackendsMs(processes, benchDatabasePrefix),
    redisMs: commandCpuMs(processes, 'redis-server'),
    loadGeneratorMs,
  };
}

function cpuUsageMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** Postgres's CPU between two snapshots for the bench's databases (and the server's own work). */
function benchPostgresMs(before: CpuSnapshot, after: CpuSnapshot): number {
  let foreignMs = 0;
  // A backend new since `before` started within the window: all of its time is in it.
  for (const [pid, ms] of after.foreignBackendsMs) foreignMs += ms - (before.foreignBackendsMs.get(pid) ?? 0);
  return Math.max(0, after.postgresMs - before.postgresMs - foreignMs);
}

/** The machine's CPU between two snapshots: the share ours used and the share other work used. */
export function machineShares(before: CpuSnapshot, after: CpuSnapshot): { ourShare: number; otherShare: number } {
  const totalMs = after.machine.totalMs - before.machine.totalMs;
  if (totalMs <= 0) return { ourShare: 0, otherShare: 0 };
  const busyMs = after.machine.busyMs - before.machine.busyMs;
  let oursMs = benchPostgresMs(before, after) + (after.redisMs - before.redisMs) + (after.loadGeneratorMs - before.loadGeneratorMs);
  for (const [pgid, ms] of after.groupMs) oursMs += ms - (before.groupMs.get(pgid) ?? ms);
  // Counters tick at 10 ms and are read a moment apart: ours can exceed busy by a few ticks.
  const ours = Math.min(oursMs, busyMs);
  return { ourShare: ours / totalMs, otherShare: Math.max(0, busyMs - ours) / totalMs };
}

export function runCpu(before: CpuSnapshot, after: CpuSnapshot, target: readonly TargetProcess[], requests: number): RunCpu {
  const perRequest = (ms: number) => (requests > 0 ? ms / requests : 0);
  const groupDelta = (pgid: number) => (after.groupMs.get(pgid) ?? 0) - (before.groupMs.get(pgid) ?? 0);
  const processes: ProcessCpu[] = [
    ...target.map((service) => ({ name: service.name, role: service.role, msPerRequest: perRequest(groupDelta(service.pgid)) })),
    { name: 'postgres', role: 'postgres', msPerRequest: perRequest(benchPostgresMs(before, after)) },
    { name: 'redis', role: 'redis', msPerRequest: perRequest(after.redisMs - before.redisMs) },
    { name: 'load generator', role: 'load-generator', msPerRequest: perRequest(after.loadGeneratorMs - before.loadGeneratorMs) },
  ];
  return {
    processes,
    totalMsPerRequest: processes.reduce((sum, entry) => sum + entry.msPerRequest, 0),
    ...machineShares(before, after),
  };
}

/** CPU ms per request by part of the stack: the gateway (or the raw baseline), the subgraphs together, and the servers. */
export interface CpuByPart {
  gateway: number;
  subgraphs: number;
  postgres: number;
  redis: number;
  loadGenerator: number;
  total: number;
}

export function cpuByPart(processes: readonly ProcessCpu[]): CpuByPart {
  const sum = (...roles: ProcessRole[]) => processes.filter((entry) => roles.includes(entry.role)).reduce((total, entry) => total + entry.msPerRequest, 0);
  return {
    gateway: sum('gateway', 'baseline'),
    subgraphs: sum('subgraph'),
    postgres: sum('postgres'),
    redis: sum('redis'),
    loadGenerator: sum('load-generator'),
    total: sum('gateway', 'baseline', 'subgraph', 'postgres', 'redis', 'load-generator'),
  };
}

/**
 * Several runs of one target (a pair's rounds) as one: each part's CPU over all the requests they sent, so
 * a round that sent more weighs more, as its CPU did.
 */
export function pooledCpuByPart(runs: readonly { sent: number; cpu: RunCpu }[]): CpuByPart {
  const sent = runs.reduce((total, run) => total + run.sent, 0);
  const pooled = cpuByPart([]);
  for (const run of runs) {
    const parts = cpuByPart(run.cpu.processes);
    for (const key of Object.keys(pooled) as (keyof CpuByPart)[]) pooled[key] += sent > 0 ? (parts[key] * run.sent) / sent : 0;
  }
  return pooled;
}
