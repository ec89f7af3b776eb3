// Before the warm-up the bench waits for its own services to be idle: a register with no saved count of
// today counts today's statistics from the day's start at its first round, for minutes, and targets measured
// meanwhile would share the machine with thirty such counts.
import { describe, expect, it } from 'vitest';
import { waitUntilQuiet, type LoadSample } from './machineLoad.ts';

/** Samples of 3 s each with these shares of the machine taken by our services, on a clock they advance. */
function samplesOf(ourShares: number[]) {
  let clock = 0;
  let taken = 0;
  const sample = async (): Promise<LoadSample> => {
    clock += 3000;
    const ourShare = ourShares[Math.min(taken, ourShares.length - 1)];
    taken += 1;
    return { when: 'while our services settled', loadAverage: 1, seconds: 3, otherShare: 0.01, ourShare };
  };
  return { sample, now: () => clock, taken: () => taken };
}

describe('waiting for our services to settle', () => {
  it('samples until our services take no more than the limit, and says how long that took', async () => {
    const samples = samplesOf([0.45, 0.3, 0.12, 0.06, 0.02]);
    const { sample, waitedSeconds } = await waitUntilQuiet(samples.sample, { limit: 0.1, notBefore: 0, timeoutSeconds: 900 }, samples.now);
    expect(sample.ourShare).toBe(0.06);
    expect(waitedSeconds).toBe(12);
    expect(samples.taken()).toBe(4);
  });

  it('goes on sampling while quiet until their first count of the day has started, then waits for it to end', async () => {
    // Quiet for the first 9 s, then the counts start and take 9 s: a first quiet sample is not the end of them.
    const samples = samplesOf([0.02, 0.02, 0.02, 0.5, 0.5, 0.4, 0.03]);
    const { sample, waitedSeconds } = await waitUntilQuiet(samples.sample, { limit: 0.1, notBefore: 10_000, timeoutSeconds: 900 }, samples.now);
    expect(sample.ourShare).toBe(0.03);
    expect(waitedSeconds).toBe(21);
  });

  it('gives up at its time limit with the last sample, which then makes the run not valid', async () => {
    const samples = samplesOf([0.4]);
    const { sample, waitedSeconds } = await waitUntilQuiet(samples.sample, { limit: 0.1, notBefore: 0, timeoutSeconds: 30 }, samples.now);
    expect(sample.ourShare).toBe(0.4);
    expect(waitedSeconds).toBe(30);
  });
});
