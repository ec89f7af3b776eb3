// CPU time of processes, read from /proc/<pid>/stat (Linux). A service started by the bench is a process
// group (its node process and anything it starts); Postgres and Redis are found by their command name. Each process
// counts its own time and that of its children it has reaped (cutime/cstime): a Postgres backend that
// exits between two readings is still counted, in the postmaster's total.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessStat {
  pid: number;
  comm: string;
  ppid: number;
  pgrp: number;
  /** utime + stime + cutime + cstime, in clock ticks. */
  ticks: number;
}

/** Clock ticks per second of /proc's counters (USER_HZ); Node has no sysconf, so ask getconf once. */
export const CLOCK_TICKS_PER_SECOND = ((): number => {
  try {
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isInteger(ticks) && ticks > 0 ? ticks : 100;
  } catch {
    return 100; // Linux's USER_HZ on every common architecture.
  }
})();

export function ticksToMs(ticks: number): number {
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** Parses one /proc/<pid>/stat line. The command name sits in parentheses and may hold spaces or ')'. */
export function parseProcessStat(line: string): ProcessStat | undefined {
  const open = line.indexOf('(');
  const close = line.lastIndexOf(')');
  if (open < 0 || close < open) return undefined;
  // After ')': state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime …
  const fields = line.slice(close + 2).trim().split(/\s+/);
  if (fields.length < 15) return undefined;
  const number = (index: number) => Number(fields[index]);
  return {
    pid: Number(line.slice(0, open).trim()),
    comm: line.slice(open + 1, close),
    ppid: number(1),
    pgrp: number(2),
    ticks: number(11) + number(12) + number(13) + number(14),
  };
}

export function readProcessStat(pid: number): ProcessStat | undefined {
  try {
    return parseProcessStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined; // Gone between the listing and the read.
  }
}

/** Every process visible now. */
export function listProcesses(): ProcessStat[] {
  const stats: ProcessStat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readProcessStat(Number(name));
    if (stat) stats.push(stat);
  }
  return stats;
}

/** CPU ms used so far by a process group (a bench child started detached: its pid is the group id). */
export function groupCpuMs(processes: readonly ProcessStat[], pgid: number): number {
  return ticksToMs(processes.filter((stat) => stat.pgrp === pgid).reduce((sum, stat) => sum + stat.ticks, 0));
}

/**
 * CPU ms used so far by a server known by its command name (`postgres`, `redis-server`): every process of
 * that name, whose reaped children are in their parent's cutime. A child still running is counted once,
 * by itself, even when its parent has the same name: cutime holds only children already reaped.
 */
export function commandCpuMs(processes: readonly ProcessStat[], comm: string): number {
  return ticksToMs(processes.filter((stat) => stat.comm === comm).reduce((sum, stat) => sum + stat.ticks, 0));
}

/** `postgres: [cluster: ]user database host(port) activity`: the database a backend serves, from its title. */
export function postgresDatabaseOf(commandLine: string): string | undefined {
  return /^postgres: (?:[^:]*: )?\S+ (\S+) (?:\S+\(\d+\)|\[local\])/.exec(commandLine)?.[1];
}

export function readCommandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return '';
  }
}

/**
 * CPU ms so far of each Postgres backend serving a database that is not the bench's (a test suite on the
 * same server, say): other work, though it runs in Postgres. Only backends alive when read: one that
 * served another database and exited in between stays in the postmaster's total.
 */
export function foreignBackendsMs(processes: readonly ProcessStat[], benchDatabasePrefix: string): Map<number, number> {
  const foreign = new Map<number, number>();
  for (const stat of processes) {
    if (stat.comm !== 'postgres') continue;
    const database = postgresDatabaseOf(readCommandLine(stat.pid));
    if (database !== undefined && !database.startsWith(benchDatabasePrefix)) foreign.set(stat.pid, ticksToMs(stat.ticks));
  }
  return foreign;
}
