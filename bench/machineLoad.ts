// The load on the machine outside a measured run: the 1-minute load average and, over a short quiet
// window, the share of the machine's CPU used by processes that are not the bench's, and by the bench's
// own services while no load runs (their background work).
import { loadavg } from 'node:os';
import { machineShares, takeCpuSnapshot } from './cpuAccounting.ts';

export interface LoadSample {
  /** When it was taken, e.g. "before our services started". */
  when: string;
  loadAverage: number;
  seconds: number;
  /** Share of the machine's CPU (all cores) used by other work over the window, 0..1. */
  otherShare: number;
  /** With our services started: the share they (and the servers they use) took with no load running. */
  ourShare?: number;
}

/** A share of the machine (0..1) as the bench prints it: whole percent. */
export const percent = (share: number) => `${(share * 100).toFixed(0)}%`;

export async function sampleMachineLoad(when: string, seconds: number, pgids: readonly number[], benchDatabasePrefix: string): Promise<LoadSample> {
  const loadAverage = Number(loadavg()[0].toFixed(2));
  const before = takeCpuSnapshot(pgids, benchDatabasePrefix);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const { otherShare, ourShare } = machineShares(before, takeCpuSnapshot(pgids, benchDatabasePrefix));
  return pgids.length > 0 ? { when, loadAverage, seconds, otherShare, ourShare } : { when, loadAverage, seconds, otherShare };
}

/**
 * Samples until our idle services take at most `limit` of the machine, once `notBefore` (ms) is past, or
 * until `timeoutSeconds` have passed; answers the last sample and how long it waited. A register with no
 * saved count of today (a database the statistics' saved progress has not reached yet, or a day regrouped)
 * counts today's sharing statistics from the day's start at its first round (SHARING_STATISTICS_SECONDS after
 * it starts), a tenth of a core each for minutes; with the bench's thirty processes doing it at once, targets
 * measured meanwhile shared the machine with them. With a saved count the round takes a second.
 */
export async function waitUntilQuiet(
  sample: () => Promise<LoadSample>,
  options: { limit: number; notBefore: number; timeoutSeconds: number },
  now = () => Date.now(),
): Promise<{ sample: LoadSample; waitedSeconds: number }> {
  const started = now();
  for (;;) {
    const last = await sample();
    const waitedSeconds = (now() - started) / 1000;
    if (((last.ourShare ?? 0) <= options.limit && now() >= options.notBefore) || waitedSeconds >= options.timeoutSeconds) return { sample: last, waitedSeconds };
  }
}
