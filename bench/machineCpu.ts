// The whole machine's CPU time from /proc/stat: busy and total over every core, in ms. Subtracting what
// the bench's own processes used over the same window leaves the other work that shared the machine.
import { readFileSync } from 'node:fs';
import { ticksToMs } from './processCpu.ts';

export interface MachineCpu {
  /** user + nice + system + irq + softirq + steal, summed over every core. */
  busyMs: number;
  /** busy + idle + iowait: the CPU time the machine had, summed over every core. */
  totalMs: number;
}

/** Parses the first (`cpu `) line of /proc/stat. guest and guest_nice are inside user and nice already. */
export function parseMachineCpu(procStat: string): MachineCpu {
  const line = procStat.split('\n').find((entry) => entry.startsWith('cpu '));
  if (!line) throw new Error('/proc/stat has no "cpu" line');
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1, 9).map((value) => Number(value) || 0);
  const busy = user + nice + system + irq + softirq + steal;
  return { busyMs: ticksToMs(busy), totalMs: ticksToMs(busy + idle + iowait) };
}

export function readMachineCpu(): MachineCpu {
  return parseMachineCpu(readFileSync('/proc/stat', 'utf8'));
}
