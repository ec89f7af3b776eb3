// The load on the machine outside a measured run: the 1-minute load average and, over a short quiet
// window, the share of the machine's CPU used by processes that are not the bench's.
import { loadavg } from 'node:os';
import { machineShares, takeCpuSnapshot } from './cpuAccounting.ts';

export interface LoadSample {
  /** When it was taken, e.g. "before our services started". */
  when: string;
  loadAverage: number;
  seconds: number;
  /** Share of the machine's CPU (all cores) used by other work over the window, 0..1. */
  otherShare: number;
}

export async function sampleMachineLoad(when: string, seconds: number, pgids: readonly number[], benchDatabasePrefix: string): Promise<LoadSample> {
  const loadAverage = Number(loadavg()[0].toFixed(2));
  const before = takeCpuSnapshot(pgids, benchDatabasePrefix);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const { otherShare } = machineShares(before, takeCpuSnapshot(pgids, benchDatabasePrefix));
  return { when, loadAverage, seconds, otherShare };
}
