// npm start stopped under load, while its registers still send the last checkpoints of their disclosure
// logs to the platform to witness: the platform, started first, stops last, so the stop logs no failure.
// A real `npm start` (`node --import tsx scripts/start.ts`) on embedded databases in memory, a small province, a
// checkpoint after every row appended, requests still arriving when the stop signal comes.
import { describe, expect, it } from 'vitest';
import { askReadmeFirstQuery, inMemoryStackEnvironment, loggedEntries, NPM_START, printedGatewayUrl, startService, stopService, untilPrinted } from '../support/serviceProcess.ts';

describe('npm start stopped while its registers send checkpoints', () => {
  it('stops the platform after every agency: their last checkpoints reach it, and the stop logs no failure', { timeout: 120_000 }, async () => {
    const stack = startService(NPM_START, [], inMemoryStackEnvironment({ AUDIT_CHECKPOINT_ROWS: '1' }));
    // The README's first query: a row in the log of each register it reads.
    let gateway = '';
    const ask = () => askReadmeFirstQuery(gateway);
    let answered = 0;
    try {
      gateway = await printedGatewayUrl(stack);
      // In development npm start publishes the demo's open data after it is ready: the load waits for it.
      await untilPrinted('datasets published for the demo', stack);
      const first = await ask();
      expect(first.status).toBe(200);
      expect(first.body.data.citizen.fullName).toBeTypeOf('string');
      // Requests go on arriving, each starting a checkpoint round in each register, until the stop.
      let asking = true;
      const load = Array.from({ length: 4 }, async () => {
        while (asking) {
          const response = await ask().catch(() => null);
          if (response?.status !== 200) return;
          answered += 1;
        }
      });
      while (answered < 20) await new Promise((resolve) => setTimeout(resolve, 20));
      const stopped = stopService(stack);
      asking = false;
      await Promise.all([stopped, ...load]);
    } finally {
      await stopService(stack);
    }
    const failures = loggedEntries(stack).filter((entry) => entry.level === 'error');
    expect(failures).toEqual([]);
    expect(stack.child.exitCode).toBe(0);
  });
});
